package fr.duiconnect.harness.annuaire;

import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.fhir.FhirSimulator;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.SandboxContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The simulated Annuaire Santé: a FHIR R4 server (HAPI plain server on Jetty 12, HTTPS with the sandbox's test PKI)
 * serving a generated directory in the annuaire IG's public-data profiles, behind the gateway's ESANTE-API-KEY check,
 * with the fault switch of the other simulators (5xx, latency, reset, TLS handshake). Search results come in pages of
 * {@link #PAGE_SIZE} whatever {@code _count} asks, linked by {@code Bundle.link[next]}, as the national API pages them.
 */
public final class AnnuaireSimulator extends FhirSimulator {

    /** The seed of the sandbox's directory: the same professionals at every start. */
    public static final long SEED = 18L;

    /** Entries per page of a search answer: small, so that a client has to follow the next links. */
    public static final int PAGE_SIZE = 5;

    private DirectoryStore store;

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
        store = DirectoryStore.generate(SEED);
        RestfulServer server = jsonServer();
        server.setResourceProviders(List.copyOf(DirectoryProviders.of(store)));
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
        paging.setDefaultPageSize(PAGE_SIZE);
        paging.setMaximumPageSize(PAGE_SIZE);
        server.setPagingProvider(paging);
        host(context, server, "/fhir/v2", Credential.API_KEY, Duration.ofSeconds(10));
        option("ig.packages", String.join(",", packages().stream().map(Path::toString).toList()));
    }

    /** The directory served; tests read its professionals and structures. */
    public DirectoryStore store() {
        return store;
    }

    @Override
    protected String protocol() {
        return "FHIR R4, ESANTE-API-KEY";
    }
}
