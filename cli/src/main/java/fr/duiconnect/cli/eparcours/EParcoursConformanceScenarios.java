package fr.duiconnect.cli.eparcours;

import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.CareTeam;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.eparcours.PullResult;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceScenario;
import fr.duiconnect.cli.conformance.ConformanceScenarioProvider;
import fr.duiconnect.cli.conformance.Evidence;
import fr.duiconnect.cli.conformance.ScenarioOutcome;
import fr.duiconnect.cli.conformance.ServiceScenario;
import fr.duiconnect.cli.conformance.Verdict;
import fr.duiconnect.harness.fhir.InsPersona;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Cahier de liaison conformance (CI-SIS CdL IG 3.0.0, with the Cercle de soins IG): notes created by transaction
 * and validated by the gestionnaire, replies that append, pulls that return each note once, updates at the version
 * read, withdrawal by status, and only a qualified INS sent. The notes are inspected on the sandbox's platform.
 */
public final class EParcoursConformanceScenarios implements ConformanceScenarioProvider {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final InsPersona RESIDENT = InsPersona.ALL.get(1);
    /** The CdL IG profile a stored note must declare. */
    private static final String CDL_DOCUMENT_REFERENCE = "https://interop.esante.gouv.fr/ig/fhir/cdl/StructureDefinition/cdl-document-reference";

    private static final ServiceScenario.Factory EPC = ServiceScenario.of(ServiceSocle.EPARCOURS);

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                EPC.scenario("EPC-01", "A note is created by a cdl-bundle-creation-note transaction that the gestionnaire accepts",
                        "Une note = une DocumentReference cdl-document-reference (type du JDV_J23, subject, author, contenu text/plain), créée par transaction",
                        "ANS CI-SIS Cahier de liaison IG 3.0.0: cdl-bundle-creation-note (flux 1c), cdl-document-reference, JDV_J23-TypeNoteCahierLiaison-CISIS",
                        true, context -> {
                    OperationStatus status = delivered(context.connector(), context.connector().eparcours()
                            .post(NoteDraft.of(RESIDENT.identity(), NoteType.OBS, "Conformité : observation du jour.")));
                    if (status.state() != OperationState.ACKED) {
                        return ScenarioOutcome.fail("post " + status.state() + ": " + status.lastErrorCode() + " " + status.lastError());
                    }
                    Optional<DocumentReference> stored = stored(context, NoteRef.parse(status.remoteReference()));
                    return ScenarioOutcome.check(stored.map(n -> n.getMeta().hasProfile(CDL_DOCUMENT_REFERENCE)
                                    && "OBS".equals(n.getType().getCodingFirstRep().getCode())).orElse(false),
                            "stored as " + status.remoteReference(), "not stored as a cdl-document-reference of type OBS", evidence(stored));
                }),
                EPC.scenario("EPC-02", "A reply appends to the note it answers",
                        "Une réponse à une note porte relatesTo.code = appends vers la note parente",
                        "ANS CI-SIS Cahier de liaison IG 3.0.0: cdl-document-reference.relatesTo (appends)",
                        true, context -> {
                    DocumentReference parent = platform(context).nurse().writes(RESIDENT, "INST", "Conformité : pansement à refaire.");
                    String parentId = parent.getIdElement().getIdPart();
                    OperationStatus status = delivered(context.connector(), context.connector().eparcours().reply(new NoteRef(parentId, "1"),
                            NoteDraft.of(RESIDENT.identity(), NoteType.INTERV, "Conformité : pansement refait.")));
                    if (status.state() != OperationState.ACKED) {
                        return ScenarioOutcome.fail("reply " + status.state() + ": " + status.lastErrorCode() + " " + status.lastError());
                    }
                    Optional<DocumentReference> reply = stored(context, NoteRef.parse(status.remoteReference()));
                    boolean appends = reply.map(n -> n.getRelatesToFirstRep().getCode() == DocumentReference.DocumentRelationshipType.APPENDS
                            && n.getRelatesToFirstRep().getTarget().getReference().endsWith("DocumentReference/" + parentId)).orElse(false);
                    return ScenarioOutcome.check(appends, "appends to DocumentReference/" + parentId, "no appends relation to the parent", evidence(reply));
                }),
                EPC.scenario("EPC-03", "Notes written by others are pulled, each once",
                        "Recherche des notes d'une personne (patient.identifier, date=ge) ; une note déjà reçue n'est pas rendue deux fois",
                        "ANS CI-SIS Cahier de liaison IG 3.0.0: flux 4 RechercheNotes, flux 5 cdl-bundle-resultat-recherche-notes (searchset)",
                        true, context -> {
                    PersonIdentity person = RESIDENT.identity();
                    context.connector().eparcours().pull(person);
                    DocumentReference written = platform(context).nurse().writes(RESIDENT, "OBS", "Conformité : passage infirmier.");
                    PullResult first = context.connector().eparcours().pull(person);
                    PullResult second = context.connector().eparcours().pull(person);
                    String id = written.getIdElement().getIdPart();
                    boolean once = first.notes().stream().anyMatch(n -> n.ref().id().equals(id)) && second.notes().stream().noneMatch(n -> n.ref().id().equals(id));
                    return ScenarioOutcome.check(once, "pulled once: DocumentReference/" + id, "not pulled exactly once",
                            new Evidence("pulls", first.notes().size() + " note(s), then " + second.notes().size()));
                }),
                EPC.scenario("EPC-04", "A note is updated only at the version last read",
                        "Mise à jour d'une note (PUT) à la version lue ; une version dépassée est un conflit, jamais un écrasement",
                        "ANS CI-SIS Cahier de liaison IG 3.0.0: flux 2 MAJ note; FHIR R4 RESTful API, If-Match / 412 Precondition Failed",
                        true, context -> {
                    NoteRef v1 = posted(context);
                    NoteRef v2 = context.connector().eparcours().update(v1, "Conformité : texte corrigé.");
                    ScenarioOutcome stale = ServiceScenario.refusedWith("EPARCOURS-CONFLICT",
                            () -> context.connector().eparcours().update(v1, "Conformité : texte périmé."));
                    return stale.verdict() != Verdict.PASS ? stale : ScenarioOutcome.pass("v" + v1.version() + " → v" + v2.version()
                            + "; an update at v" + v1.version() + " again is " + stale.message(), stale.evidence().toArray(Evidence[]::new));
                }),
                EPC.scenario("EPC-05", "A note is withdrawn through its status, not deleted",
                        "Désactivation d'une note par DocumentReference.status (entered-in-error) ; la suppression (flux 3) est optionnelle",
                        "ANS CI-SIS Cahier de liaison IG 3.0.0: cdl-document-reference.status, flux 3 SuppressionNote (optionnel)",
                        true, context -> {
                    NoteRef withdrawn = context.connector().eparcours().withdraw(posted(context));
                    Optional<DocumentReference> stored = stored(context, withdrawn);
                    return ScenarioOutcome.check(stored.map(n -> n.getStatus() == Enumerations.DocumentReferenceStatus.ENTEREDINERROR).orElse(false),
                            "kept with status entered-in-error", "not kept as entered-in-error", evidence(stored));
                }),
                EPC.scenario("EPC-06", "A note about a person without a qualified INS is refused before sending",
                        "Seule une identité qualifiée (INS QUAL) est transmise : le subject d'une note porte une INS qualifiée",
                        "RNIV (identitovigilance); FR Core Patient INS; ANS CI-SIS Cahier de liaison IG 3.0.0, cdl-document-reference.subject",
                        false, context -> ServiceScenario.refusedWith("INS-IDENTITY-NOT-QUALIFIED", () -> context.connector().eparcours()
                        .post(NoteDraft.of(PersonIdentity.provisional("R-0099", RESIDENT.identity().traits()), NoteType.OBS, "Conformité.")))),
                EPC.scenario("EPC-07", "The person's care team is read so that the DUI knows who shares the notebook",
                        "Consultation du cercle de soins (CareTeam cds-ihe-careteam) de la personne",
                        "ANS CI-SIS Cercle de soins IG 2.0.1: cds-ihe-careteam, recherche IHE PCC-46",
                        true, context -> {
                    CareTeam team = context.connector().eparcours().careTeam(RESIDENT.identity());
                    return ScenarioOutcome.check(!team.members().isEmpty(), team.members().size() + " participant(s) in " + team.name(),
                            "no participant", new Evidence("members", String.valueOf(team.members())));
                }));
    }

    private static OperationStatus delivered(DuiConnector connector, OperationReceipt receipt) {
        return connector.operations().awaitFinal(receipt.operationId(), DELIVERY);
    }

    /** A note posted and delivered, at its first version. */
    private static NoteRef posted(ConformanceContext context) {
        OperationStatus status = delivered(context.connector(), context.connector().eparcours()
                .post(NoteDraft.of(RESIDENT.identity(), NoteType.OBS, "Conformité : note à modifier.")));
        if (status.state() != OperationState.ACKED) {
            throw new IllegalStateException("the note was not delivered: " + status.state() + " " + status.lastErrorCode());
        }
        return NoteRef.parse(status.remoteReference());
    }

    private static EParcoursSimulator platform(ConformanceContext context) {
        return context.sandbox().simulator(EParcoursSimulator.class);
    }

    private static Optional<DocumentReference> stored(ConformanceContext context, NoteRef ref) {
        return platform(context).store().current(ref.id());
    }

    private static Evidence evidence(Optional<DocumentReference> note) {
        return new Evidence("stored note", note.map(n -> n.getIdElement().getValue() + " status " + n.getStatus() + " type "
                + n.getType().getCodingFirstRep().getCode() + " profile " + n.getMeta().getProfile()).orElse("none"));
    }
}
