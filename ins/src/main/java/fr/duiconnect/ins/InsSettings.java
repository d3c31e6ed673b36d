package fr.duiconnect.ins;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.ins.insi.InsiCallContext;

/**
 * INS module settings from the endpoint ({@code dui.ins.*}) and the software identity.
 * Options: {@code emetteur} (ContexteBAM/LPS Emetteur, UNCONFIRMED rule; default: the acting FINESS),
 * {@code strict-nia} (require 7/8 as the NIA's first digit, UNCONFIRMED; default false).
 */
public record InsSettings(EndpointConfig endpoint, SoftwareIdentity software, String authorisation, String emitter,
                          boolean strictNia) {

    public static InsSettings from(EndpointConfig endpoint, SoftwareIdentity software) {
        String authorisation = software.homologation("insi").orElseThrow(() -> new ConfigurationException(
                "dui.software.homologation.insi", "INSi needs the CNDA authorisation number (IDAM) of the software"));
        return new InsSettings(endpoint, software, authorisation, endpoint.option("emetteur").orElse(null),
                Boolean.parseBoolean(endpoint.option("strict-nia").orElse("false")));
    }

    public InsiCallContext callContext(String actingFiness) {
        return new InsiCallContext(authorisation, software.name(), software.version(), software.installationId(),
                emitter == null ? actingFiness : emitter);
    }
}
