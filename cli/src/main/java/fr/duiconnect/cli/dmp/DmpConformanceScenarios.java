package fr.duiconnect.cli.dmp;

import fr.duiconnect.harness.dmp.DmpPersonas;
import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpPatientStatus;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.dmp.cda.CdaValidationReport;
import fr.duiconnect.dmp.cda.CdaValidator;
import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceScenario;
import fr.duiconnect.cli.conformance.ConformanceScenarioProvider;
import fr.duiconnect.cli.conformance.Evidence;
import fr.duiconnect.cli.conformance.ScenarioOutcome;
import fr.duiconnect.cli.conformance.ServiceScenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * DMP conformance: the DLU against the ANS kit, then the feeding and reading transactions (TD0.2, TD2.1/2.2,
 * TD3.1/3.2, TD3.3c) and the local refusals a DMP-integrated LPS must make. Scenarios needing the sandbox's
 * personas are skipped against real endpoints; all are skipped when the connector has no DMP endpoint.
 */
public final class DmpConformanceScenarios implements ConformanceScenarioProvider {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "conformance");

    @FunctionalInterface
    private interface Check {
        ScenarioOutcome run(ConformanceContext context, KitDlu dlu, String finess) throws Exception;
    }

    private static final ServiceScenario.Factory DMP = ServiceScenario.of(ServiceSocle.DMP);

    /** What the connector's writer produced, as the kit checks see it: unchanged, except in the catalogue's own tests. */
    private final java.util.function.UnaryOperator<byte[]> written;

    public DmpConformanceScenarios() {
        this(java.util.function.UnaryOperator.identity());
    }

    /**
     * The catalogue whose kit checks see the written documents through {@code written}: a self-test injects a defective
     * writer this way (e.g. one that drops a displayName) and expects the document scenarios to fail.
     */
    public DmpConformanceScenarios(java.util.function.UnaryOperator<byte[]> written) {
        this.written = written;
    }

    /** A DMP scenario: it also needs the ANS CDA kit (its example DLU, its schematrons) and the structure's FINESS. */
    private static ServiceScenario scenario(String id, String title, String rule, String reference, boolean needsSandbox, Check check) {
        return DMP.scenario(id, title, rule, reference, needsSandbox, context -> {
            if (context.cdaKitIfAny().isEmpty()) {
                return ScenarioOutcome.skipped("needs the ANS CDA kit (--kit) for its example DLU and schematrons");
            }
            return check.run(context, KitDlu.load(context.cdaKit()), context.connector().config().endpoint(ServiceSocle.DMP).requiredOption("finess"));
        });
    }

    /** Compiled once per kit for the whole run (seconds each), shared with the DMP simulator of the same JVM. */
    private static CdaValidator validator(java.nio.file.Path kit) {
        return CdaValidator.shared(kit);
    }

    private ScenarioOutcome kitVerdict(ConformanceContext context, byte[] document) {
        byte[] cda = written.apply(document);
        CdaValidationReport report = validator(context.cdaKit()).validate(cda);
        return ScenarioOutcome.check(report.valid(), "0 failure, " + report.rulesFired() + " rules fired on " + String.join(", ", report.schematrons()),
                report.findings().size() + " failure(s)", new Evidence("findings",
                        report.findings().stream().map(f -> f.source() + ": " + f.text()).limit(10).collect(Collectors.joining("\n"))));
    }

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                scenario("DMP-01", "The DLU the connector writes is valid CDA: schema, DLU-EHPAD 2022.01 and structuration minimale schematrons",
                        "Un DLU produit par le connecteur valide le schéma CDA et ne lève aucune assertion des schématrons du volet et de la structuration minimale",
                        "CI-SIS volet DLU-EHPAD 2022.01; ANS TestContenuCDA", false, (context, dlu, finess) -> {
                    GeneratedCda written = context.connector().dmp().writeDlu(SampleResident.ofStructure(finess), null);
                    return kitVerdict(context, written.xml());
                }),
                scenario("DMP-10", "A liaison letter the connector writes is valid level-1 CDA (structuration minimale, PDF body)",
                        "Une lettre de liaison de sortie (83981-1) produite par le connecteur valide le schéma CDA et la structuration minimale (corps PDF, XDS-SD)",
                        "CI-SIS structuration minimale; NOS JDV_J07 83981-1 / 88348-8", false, (context, dlu, finess) -> {
                    ResidentRecord resident = SampleResident.ofStructure(finess);
                    LiaisonLetter letter = new LiaisonLetter(LiaisonLetter.LiaisonLetterKind.SORTIE, resident.person(), null, resident.establishment(),
                            resident.author(), resident.attendingPhysician(), null, LocalDate.of(2021, 9, 1), LocalDate.of(2026, 11, 28),
                            "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    return kitVerdict(context, context.connector().dmp().writeLiaisonLetter(letter, null).xml());
                }),
                scenario("DMP-02", "TD0.2 tells an open DMP from an absent one", "Test d'existence du DMP (PRPA_IN201307UV02, TEST_EXST) avant alimentation",
                        "DMPi TD0.2", true, (context, dlu, finess) -> {
                    DmpPatientStatus open = context.connector().dmp().testExistence(KitDlu.KIT_PATIENT);
                    DmpPatientStatus absent = context.connector().dmp().testExistence(DmpPersonas.personWithoutDmp());
                    return ScenarioOutcome.check(open.state() == DmpPatientStatus.DmpState.OPEN && absent.state() == DmpPatientStatus.DmpState.ABSENT,
                            "OPEN and ABSENT", "got " + open.state() + " and " + absent.state());
                }),
                scenario("DMP-03", "A DLU is deposited with VIHF and signed submission set, then found with its DMP metadata",
                        "ITI-41 : classCode 11 dérivé du typeCode 74207-2 (ASS_X16), formatCode urn:asip:ci-sis:dlu:2015, authorInstitution = Identifiant_Structure",
                        "DMPi TD2.1, EX_2.1-1130, EX_2.1-1140; ASS_X16; ASS_A11", true, (context, dlu, finess) -> {
                    KitDlu.Generated document = dlu.forStructure(finess);
                    OperationStatus status = deposit(context.connector(), document, KitDlu.KIT_PATIENT, null);
                    if (status.state() != OperationState.ACKED) {
                        return ScenarioOutcome.fail("deposit " + status.state() + ": " + status.lastErrorCode() + " " + status.lastError());
                    }
                    Optional<DmpDocumentEntry> entry = find(context.connector(), document.uniqueId(), false);
                    return ScenarioOutcome.check(entry.map(e -> e.classCode().code().equals("11") && e.authorInstitution().equals(finess)).orElse(false),
                            "registered and found: " + document.uniqueId(), "not found with classCode 11 and the structure's FINESS",
                            new Evidence("entry", entry.map(Object::toString).orElse("none")));
                }),
                scenario("DMP-04", "A deposited document is retrieved byte for byte", "ITI-43 rend le document déposé, identique", "DMPi TD3.2; IHE ITI-43",
                        true, (context, dlu, finess) -> {
                    KitDlu.Generated document = dlu.forStructure(finess);
                    OperationStatus status = deposit(context.connector(), document, KitDlu.KIT_PATIENT, null);
                    if (status.state() != OperationState.ACKED) {
                        return ScenarioOutcome.fail("deposit " + status.state());
                    }
                    byte[] back = context.connector().dmp().retrieve(KitDlu.KIT_PATIENT, document.uniqueId()).content();
                    return ScenarioOutcome.check(java.util.Arrays.equals(back, document.cda()), back.length + " bytes, identical", "the retrieved bytes differ");
                }),
                scenario("DMP-05", "A replacement deprecates the previous version", "ITI-41 avec association RPLC : l'ancienne version passe Deprecated",
                        "DMPi TD2.2; IHE ITI-41 RPLC", true, (context, dlu, finess) -> {
                    KitDlu.Generated first = dlu.forStructure(finess);
                    deposit(context.connector(), first, KitDlu.KIT_PATIENT, null);
                    KitDlu.Generated second = dlu.forPerson(finess, KitDlu.KIT_PATIENT.ins(), first.uniqueId());
                    OperationStatus status = deposit(context.connector(), second, KitDlu.KIT_PATIENT, first.uniqueId());
                    Optional<DmpDocumentEntry> old = find(context.connector(), first.uniqueId(), true);
                    return ScenarioOutcome.check(status.state() == OperationState.ACKED && old.map(e -> e.status() == DocumentAvailability.DEPRECATED).orElse(false),
                            "replaced; previous version Deprecated", "replacement " + status.state() + ", previous " + old.map(DmpDocumentEntry::status).orElse(null));
                }),
                scenario("DMP-06", "The author deletes a document", "ITI-57 UpdateAvailabilityStatus → urn:asip:ci-sis:2010:StatusType:Deleted",
                        "DMPi TD3.3c", true, (context, dlu, finess) -> {
                    KitDlu.Generated document = dlu.forStructure(finess);
                    deposit(context.connector(), document, KitDlu.KIT_PATIENT, null);
                    OperationReceipt receipt = context.connector().dmp().changeStatus(KitDlu.KIT_PATIENT, document.uniqueId(), DocumentAvailability.DELETED);
                    OperationStatus status = context.connector().operations().awaitFinal(receipt.operationId(), DELIVERY);
                    Optional<DmpDocumentEntry> entry = find(context.connector(), document.uniqueId(), true);
                    return ScenarioOutcome.check(status.state() == OperationState.ACKED && entry.map(e -> e.status() == DocumentAvailability.DELETED).orElse(false),
                            "Deleted", "status change " + status.state() + ", entry " + entry.map(DmpDocumentEntry::status).orElse(null));
                }),
                scenario("DMP-07", "No deposit without the person's recorded non-opposition", "La non-opposition du patient est tracée avant toute alimentation",
                        "CSP L.1111-15; DMPi alimentation", false, (context, dlu, finess) -> {
                    try {
                        context.connector().dmp().deposit(DmpDeposit.of(dlu.forStructure(finess).cda(), KitDlu.KIT_PATIENT, null));
                        return ScenarioOutcome.fail("the deposit was journaled");
                    } catch (DuiConnectException e) {
                        return ScenarioOutcome.check(e.code().equals("DMP-NON-OPPOSITION"), "refused locally: " + e.code(), "unexpected " + e.code());
                    }
                }),
                scenario("DMP-08", "A document authored by another structure is refused before sending",
                        "Identifiant_Structure du VIHF = authorInstitution d'un des auteurs", "DMPi EX_2.1-1140", false, (context, dlu, finess) -> {
                    try {
                        context.connector().dmp().deposit(DmpDeposit.of(dlu.forStructure(finess.equals("750000028") ? "750000036" : "750000028").cda(),
                                KitDlu.KIT_PATIENT, RECORDED));
                        return ScenarioOutcome.fail("the deposit was journaled");
                    } catch (DuiConnectException e) {
                        return ScenarioOutcome.check(e.code().equals("DMP-AUTHOR-INSTITUTION"), "refused locally: " + e.code(), "unexpected " + e.code());
                    }
                }),
                scenario("DMP-09", "Nothing is deposited in an absent DMP", "TD0.2 NF : le dépôt échoue avec la raison, sans ITI-41",
                        "DMPi TD0.2", true, (context, dlu, finess) -> {
                    PersonIdentity without = DmpPersonas.personWithoutDmp();
                    OperationStatus status = deposit(context.connector(), dlu.forPerson(finess, without.ins(), null), without, null);
                    return ScenarioOutcome.check(status.state() == OperationState.FAILED && "DMP-ABSENT".equals(status.lastErrorCode()),
                            "FAILED with DMP-ABSENT", "ended " + status.state() + " " + status.lastErrorCode());
                }));
    }

    private static OperationStatus deposit(DuiConnector connector, KitDlu.Generated document, PersonIdentity person, String replaces) {
        DmpDeposit deposit = DmpDeposit.of(document.cda(), person, RECORDED);
        OperationReceipt receipt = replaces == null ? connector.dmp().deposit(deposit) : connector.dmp().replace(deposit, replaces);
        return connector.operations().awaitFinal(receipt.operationId(), DELIVERY);
    }

    private static Optional<DmpDocumentEntry> find(DuiConnector connector, String uniqueId, boolean anyStatus) {
        DmpSearch search = DmpSearch.approvedDocumentsOf(KitDlu.KIT_PATIENT);
        if (anyStatus) {
            search = search.withStatuses(EnumSet.allOf(DocumentAvailability.class));
        }
        return connector.dmp().search(search).stream().filter(e -> e.uniqueId().equals(uniqueId)).findFirst();
    }
}
