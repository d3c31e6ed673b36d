package fr.duiconnect.eprescription;

import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.error.ConfigurationException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The e-prescription module's configuration, read from the endpoint {@code dui.eprescription.*}:
 *
 * <pre>
 * dui.eprescription.url=https://prescriptions.example.fr/fhir       (FHIR R4 base; the AM interface is not public)
 * dui.eprescription.tls.truststore=...                              (IGC-Santé anchors; keystore for mutual TLS)
 * dui.eprescription.timeout.connect=PT10S  dui.eprescription.timeout.read=PT30S
 * dui.eprescription.option.ig.dependencies=/path/fhir/deps  (folder of name#version packages the IGs depend on; default: deps beside the IG folders)
 * dui.eprescription.option.ig.packages=/path/eprescription/package.tgz[,/path/fr-core.tgz,...]
 * dui.eprescription.option.search.number-parameter=group-identifier (UNCONFIRMED: R4 has no standard one)
 * dui.eprescription.option.search.number-system=                    (system of the number, if the server needs it)
 * dui.eprescription.option.search.person-parameter=patient.identifier
 * dui.eprescription.option.search.max-pages=20
 * dui.eprescription.option.token.file=...                           (bearer token, unless a provider is set in code)
 * dui.eprescription.option.finess=750000010                         (the structure, for the usage indicators)
 * </pre>
 */
public record EPrescriptionSettings(EndpointConfig endpoint, List<Path> packages, Path dependencyFolder, String numberParameter, String numberSystem,
                                    String personParameter, int maxPages, BearerTokenProvider configuredToken, String finess) {

    public static EPrescriptionSettings from(EndpointConfig endpoint) {
        String packages = endpoint.option("ig.packages").orElseThrow(() -> new ConfigurationException(
                "dui.eprescription.option.ig.packages", "the ePrescription IG package (package.tgz) location is required for validation"));
        List<Path> files = Arrays.stream(packages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        BearerTokenProvider token = endpoint.option("token.file").map(f -> BearerTokenProvider.fixed(Secret.fromFile(Path.of(f)))).orElse(null);
        int maxPages;
        try {
            maxPages = Integer.parseInt(endpoint.option("search.max-pages").orElse("20"));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("dui.eprescription.option.search.max-pages", "must be a number");
        }
        return new EPrescriptionSettings(endpoint, files, fr.duiconnect.fhir.FhirPackageSet.dependencyFolder(endpoint.option("ig.dependencies"), files), endpoint.option("search.number-parameter").orElse("group-identifier"),
                endpoint.option("search.number-system").orElse(null), endpoint.option("search.person-parameter").orElse("patient.identifier"),
                maxPages, token, endpoint.option("finess").orElse(null));
    }

}
