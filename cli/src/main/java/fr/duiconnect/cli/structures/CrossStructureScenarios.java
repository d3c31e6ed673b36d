package fr.duiconnect.cli.structures;

import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceScenario;
import fr.duiconnect.cli.conformance.ConformanceScenarioProvider;
import fr.duiconnect.cli.conformance.Evidence;
import fr.duiconnect.cli.conformance.ScenarioOutcome;
import fr.duiconnect.cli.conformance.ServiceScenario;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.mssante.MailboxKind;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.structure.StructureService;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.harness.eprescription.EPrescriptionSimulator;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.insi.InsiSimulator;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Cross-structure refusals (issue #21), one per service that authenticates structures: a structure added to the
 * connector's registry with another structure's certificate, mailbox or token is refused by the service, which checks
 * the identity a request claims against the credentials it came with. Needs the sandbox (its PKI issues the borrowed
 * credentials); the structure added is disabled again afterwards.
 */
public final class CrossStructureScenarios implements ConformanceScenarioProvider {

    /** The structure whose credentials are borrowed. */
    static final String VICTIM = "690000017";
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String RULE = "Chaque structure s'authentifie avec ses propres certificats et identifiants ; le service refuse"
            + " une requête dont l'identité déclarée n'est pas celle des moyens d'authentification";

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                ServiceScenario.of(ServiceSocle.INS).scenario("INS-X01", "INSi refuses a structure authenticated with another structure's certificate",
                        RULE + " (l'émetteur est la structure du certificat INSI-AUTO)", "CNDA INSi; DUI Connect #21", true,
                        context -> asImpersonator(context, "670000013", ServiceSocle.INS, (sandbox, finess) -> StructureService.of(
                                sandbox.simulator(InsiSimulator.class).issueStructureCertificate(sandbox.pki(), VICTIM).keyStore(), null),
                                structure -> refused("n'est pas la structure du certificat", () -> structure.ins().search(ADRUN))
                        )),
                ServiceScenario.of(ServiceSocle.DMP).scenario("DMP-X01", "The DMP refuses a structure authenticated with another structure's certificates",
                        RULE + " (Identifiant_Structure du VIHF, certificat ORG AUTH_CLI et signataire ORG SIGN d'une même structure)",
                        "DMPi; CI-SIS volet VIHF; DUI Connect #21", true,
                        context -> asImpersonator(context, "130000011", ServiceSocle.DMP, (sandbox, finess) -> {
                            List<IssuedCertificate> dmp = sandbox.simulator(DmpSimulator.class).issueStructureCertificates(sandbox.pki(), VICTIM, null);
                            return new StructureService(dmp.get(0).keyStore(), dmp.get(1).keyStore(), Map.of("vihf.name-id", "810001234565"));
                        }, structure -> refused("n'est pas la structure du VIHF", () -> structure.dmp().testExistence(KitDlu.KIT_PATIENT)))),
                ServiceScenario.of(ServiceSocle.MSSANTE).scenario("MSS-X01", "The operator refuses a structure sending from another structure's mailbox",
                        RULE + " (l'expéditeur est la BAL applicative liée au certificat authentifié)", "MSSanté Référentiel #1 opérateurs; DUI Connect #21",
                        true, context -> asImpersonator(context, "330000019", ServiceSocle.MSSANTE, CrossStructureScenarios::anotherMailbox,
                                structure -> failed(context.connector(), structure.mssante().send(MESSAGE), "MSS-AUTH", "535"))),
                ServiceScenario.of(ServiceSocle.EPARCOURS).scenario("EPC-X01", "The platform refuses a note written with another structure's token",
                        RULE + " (l'organisation auteur de la note est la structure du jeton)", "CI-SIS Cahier de liaison flux 1c; DUI Connect #21", true,
                        context -> asImpersonator(context, "440000018", ServiceSocle.EPARCOURS, (sandbox, finess) -> new StructureService(null, null,
                                Map.of("token.file", sandbox.simulator(EParcoursSimulator.class).issueStructureToken(VICTIM).toString())),
                                structure -> failed(context.connector(), structure.eparcours().post(NoteDraft.of(InsPersona.ALL.get(1).identity(),
                                        NoteType.OBS, "Nuit calme.")), "n'est pas la structure du jeton"))),
                ServiceScenario.of(ServiceSocle.EPRESCRIPTION).scenario("EPR-X01",
                        "The prescription service refuses a structure whose TLS certificate is another structure's",
                        RULE + " (le certificat TLS client et le jeton désignent la même structure)", "DUI Connect #21", true,
                        context -> asImpersonator(context, "590000015", ServiceSocle.EPRESCRIPTION, (sandbox, finess) -> new StructureService(
                                sandbox.pki().issueOrgAuthClient("epr-auth-" + finess + ".p12", "EHPAD-" + VICTIM, VICTIM).keyStore(), null,
                                Map.of("token.file", sandbox.simulator(EPrescriptionSimulator.class).issueStructureToken(finess).toString())),
                                structure -> refused("403", () -> structure.eprescription().retrieve("10543744")))));
    }

    static final InsSearchRequest ADRUN = InsSearchRequest.of(new PersonIdentity("IPP-X", new IdentityTraits("ADRUN", List.of("ZOE"),
            null, null, Sex.F, LocalDate.of(1975, 12, 31), "63220"), null, IdentityStatus.PROV, Set.of()), null);

    static final MssanteMessage MESSAGE = MssanteMessage.builder().to(MssanteOperatorSimulator.HOSPITAL_DOCTOR)
            .person(PersonIdentity.provisional("IPP-X", new IdentityTraits("DURAND", List.of("MARIE"), null, null, Sex.F,
                    LocalDate.of(1940, 2, 1), null)))
            .label("Nouvelles de Mme Durand").body("Bonjour,\r\nrésidente stable.").build();

    /** How the impersonator's entry for the service is made from the sandbox's credentials. */
    @FunctionalInterface
    private interface Credentials {
        StructureService of(Sandbox sandbox, String finess) throws Exception;
    }

    /** Runs {@code check} as a structure added with {@code credentials}, then disables it. */
    private static ScenarioOutcome asImpersonator(ConformanceContext context, String finess, ServiceSocle socle, Credentials credentials,
                                                  Function<fr.duiconnect.core.StructureConnector, ScenarioOutcome> check) throws Exception {
        Sandbox sandbox = context.sandboxIfAny().orElseThrow();
        DuiConnector connector = context.connector();
        connector.structures().put(StructureProfile.builder(Finess.of(finess), "EHPAD " + finess).service(socle,
                credentials.of(sandbox, finess)).build());
        try {
            return check.apply(connector.forStructure(finess));
        } finally {
            connector.structures().disable(Finess.of(finess));
        }
    }

    /** Its own authentication certificate (bound by the operator to its own mailbox), the sandbox structure's mailbox. */
    private static StructureService anotherMailbox(Sandbox sandbox, String finess) {
        TestPki pki = sandbox.pki();
        String own = "ehpad-" + finess + "_auto@ehpad.mssante.fr";
        String cn = "EHPAD-" + finess + "-MSSANTE";
        sandbox.simulator(MssanteOperatorSimulator.class).host(own, MailboxKind.APPLICATION, cn);
        String borrowed = MssanteOperatorSimulator.APP_MAILBOX;
        return new StructureService(pki.issueOrgAuthClient("mss-x-" + finess + ".p12", cn, finess).keyStore(), null, Map.of(
                "mailbox", borrowed, "mailbox.kind", "application", "mailbox.unit", "EHPAD " + finess,
                "reply-to", MssanteOperatorSimulator.ORG_MAILBOX,
                "smime.keystore", pki.issueSmime("mss-x-smime-" + finess + ".p12", borrowed).keyStore().path().toString(),
                "smime.keystore.password.file", pki.directory().resolve("pki.pass").toString(), "smime.keystore.alias", TestPki.KEY_ALIAS));
    }

    /** PASS when the synchronous call is refused by the service with a message naming the identity mismatch. */
    private static ScenarioOutcome refused(String expected, Runnable call) {
        try {
            call.run();
            return ScenarioOutcome.fail("accepted with another structure's credentials");
        } catch (DuiConnectException e) {
            return ScenarioOutcome.check(e.getMessage().contains(expected), "refused: " + e.code(),
                    "refused, but not for the identity: " + e.code(), new Evidence("refusal", e.code() + ": " + e.getMessage()));
        }
    }

    /** PASS when the journaled operation ends FAILED with an error naming one of {@code expected}. */
    private static ScenarioOutcome failed(DuiConnector connector, OperationReceipt receipt, String... expected) {
        OperationStatus status = connector.operations().awaitFinal(receipt.operationId(), DELIVERY);
        boolean named = status.lastError() != null && java.util.Arrays.stream(expected).anyMatch(status.lastError()::contains);
        return ScenarioOutcome.check(status.state() == OperationState.FAILED && named, "refused: " + status.lastErrorCode(),
                "ended " + status.state() + " instead of a refusal", new Evidence("operation", status.state() + " " + status.lastErrorCode()
                        + ": " + status.lastError()));
    }
}
