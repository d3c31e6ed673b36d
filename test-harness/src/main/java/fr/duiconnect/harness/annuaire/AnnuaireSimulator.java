package fr.duiconnect.harness.annuaire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.fhir.FhirGate;
import fr.duiconnect.harness.fhir.FhirServerHost;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.SandboxContext;
import fr.duiconnect.harness.sandbox.SandboxSimulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated Annuaire Santé: a FHIR R4 server (HAPI plain server on Jetty 12, HTTPS with the sandbox's test PKI)
 * serving a generated directory in the annuaire IG's public-data profiles, behind the gateway's ESANTE-API-KEY check,
 * with the fault switch of the other simulators (5xx, latency, reset, TLS handshake).
 */
public final class AnnuaireSimulator implements SandboxSimulator {

    /** The seed of the sandbox's directory: the same professionals at every start. */
    public static final long SEED = 18L;

    private final FaultSwitch faults = new FaultSwitch();
    private final Map<String, String> properties = new TreeMap<>();
    private FhirServerHost host;
    private DirectoryStore store;
    private FhirGate gate;
    private volatile String apiKey;

    /** The IG packages a directory resource is validated with: the annuaire IG and the FR Core version it builds on. */
    public static List<Path> packages() {
        Path fhir = SharedConformance.directory().resolve("conformance/fhir/deps");
        return List.of(fhir.resolve("ans.fhir.fr.annuaire#1.2.0-snapshot-2/package.tgz"), fhir.resolve("hl7.fhir.fr.core#2.2.0/package.tgz"));
    }

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.ANNUAIRE;
    }

    @Override
    public void start(SandboxContext context) throws IOException {
        FhirContext fhir = FhirContext.forR4();
        store = DirectoryStore.generate(SEED);
        RestfulServer server = new RestfulServer(fhir);
        server.setResourceProviders(List.copyOf(DirectoryProviders.of(store)));
        server.setDefaultResponseEncoding(ca.uhn.fhir.rest.api.EncodingEnum.JSON);
        apiKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        gate = new FhirGate(() -> null, faults, context.recordDir());
        host = FhirServerHost.start(server, FhirServerHost.serverTls(context.pki(), "annuaire-server"), "/fhir/v2",
                List.of(new ApiKeyGate(() -> apiKey), gate), faults);

        Path keyFile = context.directory().resolve("esante-api.key");
        Files.writeString(keyFile, apiKey);
        Path passwordFile = context.pki().directory().resolve("pki.pass").toAbsolutePath();
        properties.put("dui.annuaire.url", host.baseUrl().toString());
        properties.put("dui.annuaire.tls.truststore", context.pki().trustStore().path().toAbsolutePath().toString());
        properties.put("dui.annuaire.tls.truststore.password.file", passwordFile.toString());
        properties.put("dui.annuaire.timeout.connect", "PT5S");
        properties.put("dui.annuaire.timeout.read", "PT10S");
        properties.put("dui.annuaire.option.ig.packages", String.join(",", packages().stream().map(Path::toString).toList()));
        properties.put("dui.annuaire.option.api-key.file", keyFile.toAbsolutePath().toString());
    }

    /** The directory served; tests read its professionals and structures. */
    public DirectoryStore store() {
        return store;
    }

    /** The API key the simulated gateway accepts (the one written for the connector). */
    public String apiKey() {
        return apiKey;
    }

    /** Replaces the accepted API key (e.g. to make the connector's key invalid). */
    public void acceptApiKey(String newKey) {
        this.apiKey = newKey;
    }

    /** Requests that passed the API key check. */
    public long requestCount() {
        return gate.requestCount();
    }

    @Override
    public Map<String, String> connectorProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public FaultSwitch faults() {
        return faults;
    }

    @Override
    public String describe() {
        return host == null ? "Annuaire Santé (not started)" : host.baseUrl() + " (FHIR R4, ESANTE-API-KEY)";
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
            host = null;
        }
    }
}
