package fr.duiconnect.mssante.xdm;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.error.ConfigurationException;

/**
 * Limits applied when opening a received IHE_XDM archive, so that a hostile archive cannot exhaust memory or disk.
 * The operators' message size limits are not published (UNCONFIRMED; Mon espace santé accepts 25 MB in total), so
 * the defaults are generous and configurable: {@code xdm.max-entries}, {@code xdm.max-total-bytes},
 * {@code xdm.max-entry-bytes}, {@code xdm.max-ratio}.
 */
public record XdmLimits(int maxEntries, long maxTotalBytes, long maxEntryBytes, int maxRatio) {

    public static final XdmLimits DEFAULT = new XdmLimits(200, 100L * 1024 * 1024, 50L * 1024 * 1024, 100);

    public XdmLimits {
        if (maxEntries < 4 || maxTotalBytes <= 0 || maxEntryBytes <= 0 || maxRatio < 1) {
            throw new ConfigurationException("xdm", "limits must be positive (at least 4 entries: INDEX.HTM, README.TXT, METADATA.XML, a document)");
        }
    }

    public static XdmLimits from(EndpointConfig endpoint) {
        try {
            return new XdmLimits(
                    endpoint.option("xdm.max-entries").map(Integer::parseInt).orElse(DEFAULT.maxEntries),
                    endpoint.option("xdm.max-total-bytes").map(Long::parseLong).orElse(DEFAULT.maxTotalBytes),
                    endpoint.option("xdm.max-entry-bytes").map(Long::parseLong).orElse(DEFAULT.maxEntryBytes),
                    endpoint.option("xdm.max-ratio").map(Integer::parseInt).orElse(DEFAULT.maxRatio));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("xdm", "limits are integers", e);
        }
    }
}
