package fr.duiconnect.harness.fhir;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.sandbox.SandboxContext;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import jakarta.servlet.Filter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every simulated FHIR service shares (e-prescription, e-parcours, Annuaire Santé): a HAPI plain server hosted
 * on loopback over HTTPS with a certificate of the sandbox's PKI, a fresh credential at each start (bearer token or
 * ESANTE-API-KEY) written to a file the connector reads, the gate in front (faults, request recording), and the
 * connector properties {@code dui.<service>.url|tls.*|timeout.*|option.<credential>.file}. A simulator adds its
 * providers and its own options.
 */
public abstract class FhirSimulator implements SandboxSimulator {

    /** How the service authenticates its callers. */
    public enum Credential {
        /** {@code Authorization: Bearer …}, checked by the gate; the connector reads it from {@code option.token.file}. */
        BEARER("bearer.token", "option.token.file"),
        /** The Annuaire Santé gateway's {@code ESANTE-API-KEY} header; the connector reads it from {@code option.api-key.file}. */
        API_KEY("esante-api.key", "option.api-key.file");

        private final String fileName;
        private final String option;

        Credential(String fileName, String option) {
            this.fileName = fileName;
            this.option = option;
        }
    }

    private final FaultSwitch faults = new FaultSwitch();
    private final Map<String, String> properties = new TreeMap<>();
    private FhirServerHost host;
    private FhirGate gate;
    private volatile String credential;
    private Path directory;

    /** A plain FHIR R4 server answering JSON by default, for the subclass to give its providers. */
    protected static RestfulServer jsonServer() {
        RestfulServer server = new RestfulServer(ca.uhn.fhir.context.FhirContext.forR4());
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        return server;
    }

    /**
     * Starts {@code server} under {@code path} and records the connector properties of the service.
     *
     * @param readTimeout the connector's read timeout for this service
     */
    protected final void host(SandboxContext context, RestfulServer server, String path, Credential kind, Duration readTimeout)
            throws IOException {
        credential = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        directory = context.directory();
        gate = new FhirGate(kind == Credential.BEARER ? this::credential : () -> null, context.finess(), faults, context.recordDir());
        List<Filter> filters = kind == Credential.API_KEY ? List.of(new ApiKeyGate(this::credential), gate) : List.of(gate);
        String service = socle().key();
        host = FhirServerHost.start(server, FhirServerHost.serverTls(context.pki(), service + "-server"), path, filters, faults);

        Path credentialFile = context.directory().resolve(kind.fileName);
        Files.writeString(credentialFile, credential);
        String prefix = "dui." + service + ".";
        properties.put(prefix + "url", host.baseUrl().toString());
        properties.put(prefix + "tls.truststore", context.pki().trustStore().path().toAbsolutePath().toString());
        properties.put(prefix + "tls.truststore.password.file", context.pki().directory().resolve("pki.pass").toAbsolutePath().toString());
        properties.put(prefix + "timeout.connect", "PT5S");
        properties.put(prefix + "timeout.read", readTimeout.toString());
        properties.put(prefix + kind.option, credentialFile.toAbsolutePath().toString());
    }

    /** Adds a connector property of this service: {@code option("ig.packages", …)} sets {@code dui.<service>.option.ig.packages}. */
    protected final void option(String name, String value) {
        properties.put("dui." + socle().key() + ".option." + name, value);
    }

    /** What the service is, for {@link #describe()}: e.g. {@code FHIR R4, bearer token}. */
    protected abstract String protocol();

    /** The credential the service accepts now (the one written for the connector, unless replaced). */
    public final String credential() {
        return credential;
    }

    /** Replaces the accepted credential (e.g. to make the connector's token or API key invalid). */
    public final void acceptCredential(String newCredential) {
        this.credential = newCredential;
    }

    /**
     * Issues a bearer token of the structure {@code finess}, accepted from now on as that structure's, and writes it
     * to a file (the structure's {@code token.file} option).
     */
    public final Path issueStructureToken(String finess) {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path file = directory.resolve(socle().key() + "-token-" + finess);
        try {
            Files.writeString(file, token);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        gate.acceptStructureToken(token, finess);
        return file.toAbsolutePath();
    }

    /** Requests the service answered as the structure {@code finess} (authenticated by its token). */
    public final long requestsFrom(String finess) {
        return gate.requestsFrom(finess);
    }

    /** Requests that passed the credential check. */
    public final long requestCount() {
        return gate.requestCount();
    }

    /** The gate in front of the server, for faults a simulator adds (lost answers, idleness). */
    protected final FhirGate gate() {
        return gate;
    }

    @Override
    public final Map<String, String> connectorProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public final FaultSwitch faults() {
        return faults;
    }

    @Override
    public final String describe() {
        return host == null ? socle().key() + " (not started)" : host.baseUrl() + " (" + protocol() + ")";
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
            host = null;
        }
    }
}
