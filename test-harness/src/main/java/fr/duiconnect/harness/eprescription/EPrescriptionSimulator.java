package fr.duiconnect.harness.eprescription;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.fhir.FhirGate;
import fr.duiconnect.harness.fhir.FhirServerHost;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.SandboxContext;
import fr.duiconnect.harness.sandbox.SandboxSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated prescription service: a FHIR R4 server (HAPI plain server on Jetty 12, HTTPS with the sandbox's
 * test PKI) serving the ePrescription IG's example prescriptions and prescriptions generated for the INS personas,
 * with the searches the connector uses, a bearer token check, and faults (5xx, latency, reset, TLS handshake); 404 for an unknown
 * prescription number, 410 for a withdrawn one.
 */
public final class EPrescriptionSimulator implements SandboxSimulator {

    private final FaultSwitch faults = new FaultSwitch();
    private final Map<String, String> properties = new TreeMap<>();
    private FhirServerHost host;
    private PrescriptionStore store;
    private String token;
    private FhirGate gate;

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.EPRESCRIPTION;
    }

    @Override
    public void start(SandboxContext context) throws IOException {
        FhirContext fhir = FhirContext.forR4();
        Path igPackage = SharedConformance.fhirPackage("eprescription");
        // Only the IG's examples are read here (the service receives searches, no content): no dependency package is needed.
        FhirPackageSet packages = FhirPackageSet.load(fhir, List.of(igPackage), null);
        store = new PrescriptionStore(fhir, packages.get("ans.fhir.fr.eprescription").examples());
        RestfulServer server = new RestfulServer(fhir);
        server.setResourceProviders(List.of(new MedicationRequestProvider(store)));
        server.setDefaultResponseEncoding(ca.uhn.fhir.rest.api.EncodingEnum.JSON);
        token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        gate = new FhirGate(() -> token, faults, context.recordDir());
        host = FhirServerHost.start(server, FhirServerHost.serverTls(context.pki(), "eprescription-server"), "/fhir", List.of(gate), faults);

        Path tokenFile = context.directory().resolve("bearer.token");
        Files.writeString(tokenFile, token);
        Path passwordFile = context.pki().directory().resolve("pki.pass").toAbsolutePath();
        properties.put("dui.eprescription.url", host.baseUrl().toString());
        properties.put("dui.eprescription.tls.truststore", context.pki().trustStore().path().toAbsolutePath().toString());
        properties.put("dui.eprescription.tls.truststore.password.file", passwordFile.toString());
        properties.put("dui.eprescription.timeout.connect", "PT5S");
        properties.put("dui.eprescription.timeout.read", "PT10S");
        properties.put("dui.eprescription.option.ig.packages", igPackage.toString());
        properties.put("dui.eprescription.option.ig.dependencies", FhirPackageSet.defaultDependencyFolder(List.of(igPackage)).toString());
        properties.put("dui.eprescription.option.token.file", tokenFile.toAbsolutePath().toString());
        properties.put("dui.eprescription.option.finess", context.finess());
    }

    /** The prescriptions served; tests cancel or withdraw them. */
    public PrescriptionStore store() {
        return store;
    }

    /** Replaces the accepted bearer token (e.g. to make the connector's token invalid). */
    public void acceptToken(String newToken) {
        this.token = newToken;
    }

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
        return host == null ? "e-prescription (not started)" : host.baseUrl() + " (FHIR R4, bearer token)";
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
            host = null;
        }
    }
}
