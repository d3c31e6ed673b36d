package fr.duiconnect.harness.eprescription;

import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.harness.fhir.FhirSimulator;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.SandboxContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The simulated prescription service: a FHIR R4 server (HAPI plain server on Jetty 12, HTTPS with the sandbox's
 * test PKI) serving the ePrescription IG's example prescriptions and prescriptions generated for the INS personas,
 * with the searches the connector uses, a bearer token check, and faults (5xx, latency, reset, TLS handshake); 404 for an unknown
 * prescription number, 410 for a withdrawn one.
 */
public final class EPrescriptionSimulator extends FhirSimulator {

    private PrescriptionStore store;

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.EPRESCRIPTION;
    }

    @Override
    public void start(SandboxContext context) throws IOException {
        RestfulServer server = jsonServer();
        Path igPackage = SharedConformance.fhirPackage("eprescription");
        // Only the IG's examples are read here (the service receives searches, no content): no dependency package is needed.
        FhirPackageSet packages = FhirPackageSet.load(server.getFhirContext(), List.of(igPackage), null);
        store = new PrescriptionStore(server.getFhirContext(), packages.get("ans.fhir.fr.eprescription").examples());
        server.setResourceProviders(List.of(new MedicationRequestProvider(store)));
        host(context, server, "/fhir", Credential.BEARER, Duration.ofSeconds(10));
        option("ig.packages", igPackage.toString());
        option("ig.dependencies", FhirPackageSet.defaultDependencyFolder(List.of(igPackage)).toString());
        option("finess", context.finess());
    }

    /** The prescriptions served; tests cancel or withdraw them. */
    public PrescriptionStore store() {
        return store;
    }

    @Override
    protected String protocol() {
        return "FHIR R4, bearer token";
    }
}
