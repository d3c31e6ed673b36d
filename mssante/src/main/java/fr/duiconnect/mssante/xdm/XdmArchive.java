package fr.duiconnect.mssante.xdm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entries of an IHE_XDM archive, by path (in archive order). Built by {@link XdmPacker} or by the safe
 * {@link XdmUnpacker}.
 */
public final class XdmArchive {

    public static final String INDEX = "INDEX.HTM";
    public static final String README = "README.TXT";
    public static final String SUBSET = "IHE_XDM/SUBSET01/";
    public static final String METADATA = SUBSET + "METADATA.XML";

    private final Map<String, byte[]> entries;

    public XdmArchive(Map<String, byte[]> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Map<String, byte[]> entries() {
        return entries;
    }

    public Optional<byte[]> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    public Optional<byte[]> metadataXml() {
        return entry(METADATA);
    }

    /** The entries of SUBSET01 other than METADATA.XML: the documents. */
    public List<String> documentPaths() {
        return entries.keySet().stream().filter(p -> p.startsWith(SUBSET) && !p.equals(METADATA)).toList();
    }
}
