package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.FhirValidators;
import fr.duiconnect.fhir.ProfileValidator;
import fr.duiconnect.harness.fhir.FhirSimulator;
import fr.duiconnect.harness.fhir.SharedConformance;
import fr.duiconnect.harness.sandbox.SandboxContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The simulated regional coordination platform (gestionnaire de cahier de liaison): a FHIR R4 server (HAPI plain
 * server on Jetty 12, HTTPS, bearer token) storing notes with versions, enforcing the CdL profiles on what it
 * receives (422 + OperationOutcome), with transactions, searches, If-Match version checks (412) and the care team;
 * a home-care nurse writes notes and answers requests for an opinion.
 */
public final class EParcoursSimulator extends FhirSimulator {

    static final List<ProfileValidator.Erratum> ERRATA = ProfileValidator.CDL_ERRATA;

    private PlatformStore store;
    private HomeCareNurse nurse;

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.EPARCOURS;
    }

    @Override
    public void start(SandboxContext context) throws IOException {
        Path cdl = SharedConformance.fhirPackage("cahier-de-liaison");
        Path cds = SharedConformance.fhirPackage("cercle-de-soins");
        Path nde = SharedConformance.fhirPackage("notification-evenements");
        // The platform checks what it receives with every IG dependency (FR Core, Annuaire, NOS), as a national service would.
        // The e-parcours module asks for the same IGs: a connector given the sandbox's shared resources (bench, sandbox
        // command, SandboxExtension) validates with this validator, built once. Built before the platform answers, as a
        // national service is ready when it listens: a first request would otherwise outwait its client's read timeout.
        ProfileValidator validator = FhirValidators.in(context.shared()).validator(List.of(cdl, cds, nde), null, ERRATA);
        validator.ready().join();
        store = new PlatformStore(Clock.systemUTC());
        nurse = new HomeCareNurse(store);
        // The notebook is not empty when the DUI joins: the nurse already wrote about each persona.
        fr.duiconnect.harness.fhir.InsPersona.ALL.forEach(persona ->
                nurse.writes(persona, "OBS", "Passage infirmier : constantes normales, pas de douleur signalée."));
        NoteChecks checks = new NoteChecks(validator);
        RestfulServer server = jsonServer();
        server.setResourceProviders(List.of(new DocumentReferenceProvider(store, checks), new CareTeamProvider(store, context.finess()),
                new SubscriptionProvider(store, checks)));
        server.registerProvider(new TransactionProvider(store, checks, nurse::onNewNote));
        host(context, server, "/fhir", Credential.BEARER, Duration.ofSeconds(15));
        option("ig.packages", cdl + "," + cds + "," + nde);
        option("ig.dependencies", FhirPackageSet.defaultDependencyFolder(List.of(cdl)).toString());
        option("finess", context.finess());
        option("structure.name", "EHPAD Les Tilleuls (sandbox)");
    }

    public PlatformStore store() {
        return store;
    }

    /**
     * The next {@code count} creation transactions are processed — the note stored — but their answer is cut
     * mid-way: the platform has the note, the client does not know it.
     */
    public void loseCreationAnswers(int count) {
        gate().loseWriteAnswers(count);
    }

    /** Waits, at most {@code max}, until the platform has answered every request it received (e.g. a post slowed by a latency fault). */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        return gate().awaitIdle(max);
    }

    /** Creation answers lost so far ({@link #loseCreationAnswers}). */
    public long lostAnswers() {
        return gate().lostAnswers();
    }

    /** The home-care nurse, the notebook's other participant. */
    public HomeCareNurse nurse() {
        return nurse;
    }

    @Override
    protected String protocol() {
        return "FHIR R4 cahier de liaison, bearer token";
    }
}
