package fr.duiconnect.harness.eparcours;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.fhir.FhirPackageSet;
import fr.duiconnect.fhir.ProfileValidator;
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
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated regional coordination platform (gestionnaire de cahier de liaison): a FHIR R4 server (HAPI plain
 * server on Jetty 12, HTTPS, bearer token) storing notes with versions, enforcing the CdL profiles on what it
 * receives (422 + OperationOutcome), with transactions, searches, If-Match version checks (412) and the care team;
 * a home-care nurse writes notes and answers requests for an opinion.
 */
public final class EParcoursSimulator implements SandboxSimulator {

    static final List<ProfileValidator.Erratum> ERRATA = ProfileValidator.CDL_ERRATA;

    private final FaultSwitch faults = new FaultSwitch();
    private final Map<String, String> properties = new TreeMap<>();
    private FhirServerHost host;
    private FhirGate gate;
    private PlatformStore store;
    private HomeCareNurse nurse;
    private volatile String token;

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.EPARCOURS;
    }

    @Override
    public void start(SandboxContext context) throws IOException {
        FhirContext fhir = FhirContext.forR4();
        Path cdl = SharedConformance.fhirPackage("cahier-de-liaison");
        Path cds = SharedConformance.fhirPackage("cercle-de-soins");
        Path nde = SharedConformance.fhirPackage("notification-evenements");
        // The platform checks what it receives with every IG dependency (FR Core, Annuaire, NOS), as a national service would.
        ProfileValidator validator = ProfileValidator.shared(List.of(cdl, cds, nde), null, ERRATA);
        store = new PlatformStore(Clock.systemUTC());
        nurse = new HomeCareNurse(store);
        // The notebook is not empty when the DUI joins: the nurse already wrote about each persona.
        fr.duiconnect.harness.fhir.InsPersona.ALL.forEach(persona ->
                nurse.writes(persona, "OBS", "Passage infirmier : constantes normales, pas de douleur signalée."));
        NoteChecks checks = new NoteChecks(validator);
        RestfulServer server = new RestfulServer(fhir);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setResourceProviders(List.of(new DocumentReferenceProvider(store, checks), new CareTeamProvider(store, context.finess()),
                new SubscriptionProvider(store, checks)));
        server.registerProvider(new TransactionProvider(store, checks, nurse::onNewNote));
        token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        host = FhirServerHost.start(server, FhirServerHost.serverTls(context.pki(), "eparcours-server"), "/fhir",
                List.of(gate = new FhirGate(() -> token, faults, context.recordDir())), faults);

        Path tokenFile = context.directory().resolve("bearer.token");
        Files.writeString(tokenFile, token);
        Path passwordFile = context.pki().directory().resolve("pki.pass").toAbsolutePath();
        properties.put("dui.eparcours.url", host.baseUrl().toString());
        properties.put("dui.eparcours.tls.truststore", context.pki().trustStore().path().toAbsolutePath().toString());
        properties.put("dui.eparcours.tls.truststore.password.file", passwordFile.toString());
        properties.put("dui.eparcours.timeout.connect", "PT5S");
        properties.put("dui.eparcours.timeout.read", "PT15S");
        properties.put("dui.eparcours.option.ig.packages", cdl + "," + cds + "," + nde);
        properties.put("dui.eparcours.option.ig.dependencies", FhirPackageSet.defaultDependencyFolder(List.of(cdl)).toString());
        properties.put("dui.eparcours.option.token.file", tokenFile.toAbsolutePath().toString());
        properties.put("dui.eparcours.option.finess", context.finess());
        properties.put("dui.eparcours.option.structure.name", "EHPAD Les Tilleuls (sandbox)");
    }

    public PlatformStore store() {
        return store;
    }

    /**
     * The next {@code count} creation transactions are processed — the note stored — but their answer is cut
     * mid-way: the platform has the note, the client does not know it.
     */
    public void loseCreationAnswers(int count) {
        gate.loseWriteAnswers(count);
    }

    /** Waits, at most {@code max}, until the platform has answered every request it received (e.g. a post slowed by a latency fault). */
    public boolean awaitIdle(java.time.Duration max) throws InterruptedException {
        return gate.awaitIdle(max);
    }

    /** Creation answers lost so far ({@link #loseCreationAnswers}). */
    public long lostAnswers() {
        return gate.lostAnswers();
    }

    /** The home-care nurse, the notebook's other participant. */
    public HomeCareNurse nurse() {
        return nurse;
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
        return host == null ? "e-parcours (not started)" : host.baseUrl() + " (FHIR R4 cahier de liaison, bearer token)";
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
            host = null;
        }
    }
}
