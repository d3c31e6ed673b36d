package fr.duiconnect.dmp;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.KeyStoreMaterial;
import fr.duiconnect.core.config.PrivateKeyEntry;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.xds.XdsUniqueIds;
import fr.duiconnect.dmp.document.Terminology;
import fr.duiconnect.dmp.security.VihfProfile;

import java.nio.file.Path;

/**
 * The DMP module's settings, from {@code dui.dmp.*}:
 * <pre>
 * dui.dmp.url=https://…/si-dmp-server/v2/services        (base: /patients, /registry, /repository)
 * dui.dmp.tls.keystore=…                                  (ORG AUTH_CLI: mutual TLS)
 * dui.dmp.option.finess=750803447                         (FINESS géographique: Identifiant_Structure, authorInstitution)
 * dui.dmp.option.sign.keystore=…  .sign.keystore.password.file=…  .sign.keystore.alias=…   (ORG SIGN: VIHF + XAdES)
 * dui.dmp.option.vihf.version=3.0                         (UNCONFIRMED: the IG table says 4.0, its example 3.0)
 * dui.dmp.option.vihf.role=code|system|libellé            (J65; default a non-PS role for ESMS software)
 * dui.dmp.option.vihf.secteur-activite=SA17|1.2.250.1.71.4.2.4
 * dui.dmp.option.vihf.name-id=810001234565               (required: Subject/NameID in automated processing is the
 *                                                        identifier of the person responsible for it, e.g. 8+RPPS of
 *                                                        the médecin coordonnateur, or 3+FINESS/internal id)
 * dui.dmp.option.vihf.model=…  vihf.service=…             (subject-id "Nom du logiciel, Nom du modèle (, Service)":
 *                                                        default model = the software version; or vihf.subject-id whole)
 * dui.dmp.option.signature.algorithm=rsa-sha256  signature.digest=sha256   (UNCONFIRMED; DRIMbox rsa-sha1/sha1)
 * dui.dmp.option.source-id=OID                            (default: the installation's 2.25 UUID-OID)
 * dui.dmp.option.content-type-code=03|1.2.250.1.213.2.2|  (J59; UNCONFIRMED for ESMS)
 * dui.dmp.option.max-answer-bytes=67108864
 * dui.dmp.option.kit=/path/to/ans-cda-kit                (value sets of the pre-checks: codes checked, display names
 *                                                        completed; without it the DUI gives every display name)
 * </pre>
 */
public record DmpSettings(EndpointConfig endpoint, Finess finess, PrivateKeyEntry orgSign, VihfProfile vihf,
                          String signatureAlgorithm, String digestAlgorithm, String sourceId, Code contentTypeCode,
                          long maxAnswerBytes, Terminology terminology) {

    public static DmpSettings from(EndpointConfig endpoint, SoftwareIdentity software) {
        return from(endpoint, software, null, null);
    }

    /**
     * Settings of one structure.
     *
     * @param signature   the structure's ORG SIGN key, or null to read it from the {@code sign.keystore} options
     * @param terminology the value sets already read from the kit (shared by every structure), or null to read them
     */
    public static DmpSettings from(EndpointConfig endpoint, SoftwareIdentity software, KeyStoreMaterial signature, Terminology terminology) {
        Finess finess = Finess.of(endpoint.requiredOption("finess"));
        PrivateKeyEntry orgSign = PrivateKeyEntry.load(signature != null ? signature
                : new KeyStoreMaterial(Path.of(endpoint.requiredOption("sign.keystore")),
                Secret.fromFile(Path.of(endpoint.requiredOption("sign.keystore.password.file"))),
                endpoint.option("sign.keystore.alias").orElse(null)));
        String homologation = software.homologation("dmp").orElseThrow(() -> new ConfigurationException("dui.software.homologation.dmp",
                "the DMP needs the software's CNDA homologation number (VIHF LPS_ID_HOMOLOGATION_DMP)"));
        VihfProfile vihf = new VihfProfile(endpoint.option("vihf.version").orElse("3.0"), VihfProfile.INDIRECTE,
                endpoint.option("vihf.subject-id").orElse(software.name() + ", " + endpoint.option("vihf.model").orElse(software.version())
                        + endpoint.option("vihf.service").map(service -> ", " + service).orElse("")),
                endpoint.option("vihf.name-id").orElseThrow(() -> new ConfigurationException("dui.dmp.option.vihf.name-id",
                        "the VIHF Subject/NameID of automated processing is the identifier of the person responsible for it"
                                + " (e.g. 8 + RPPS of the médecin coordonnateur, or 3 + FINESS/internal id)")),
                code(endpoint.option("vihf.role").orElse("AUTOMATE|1.2.250.1.213.1.1.4.6|Automate"), "vihf.role"),
                code(endpoint.option("vihf.secteur-activite").orElse("SA17|1.2.250.1.71.4.2.4|Etablissement pour personnes âgées"), "vihf.secteur-activite"),
                finess, software.name(), software.version(), homologation);
        return new DmpSettings(endpoint, finess, orgSign, vihf, endpoint.option("signature.algorithm").orElse("rsa-sha256"),
                endpoint.option("signature.digest").orElse("sha256"),
                endpoint.option("source-id").orElse(XdsUniqueIds.fromUuid(software.installationId())),
                code(endpoint.option("content-type-code").orElse("03|1.2.250.1.213.2.2|Hospitalisation complète"), "content-type-code"),
                Long.parseLong(endpoint.option("max-answer-bytes").orElse("67108864")),
                terminology != null ? terminology : terminology(endpoint));
    }

    /** The kit's value sets ({@code kit} option), or none. */
    public static Terminology terminology(EndpointConfig endpoint) {
        return endpoint.option("kit").map(kit -> Terminology.fromKit(Path.of(kit))).orElse(Terminology.none());
    }

    private static Code code(String value, String option) {
        String[] parts = value.split("\\|", -1);
        // the libellé is the XDS display name (rim:Name), which a registry never receives empty: refused here, at start
        if (parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new ConfigurationException("dui.dmp.option." + option, "must be code|codeSystem|libellé (the libellé is the display name)");
        }
        return new Code(parts[0], parts[1], parts[2]);
    }
}
