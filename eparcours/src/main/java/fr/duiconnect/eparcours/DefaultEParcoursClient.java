package fr.duiconnect.eparcours;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.eparcours.CareTeam;
import fr.duiconnect.core.eparcours.EParcoursClient;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.PullResult;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ContentRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.identity.IdentityGuard;
import fr.duiconnect.core.indicators.UsageKinds;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.InboundLedger;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.fhir.BundleIndex;
import fr.duiconnect.fhir.ProfileValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam.CareTeamParticipantComponent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.RelatedPerson;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The e-parcours client: notes validated and journaled out, pulled in incrementally with a durable cursor. */
final class DefaultEParcoursClient implements EParcoursClient {

    /** The journal kind of a note to post (or a reply); delivered by {@link #deliver}. */
    static final String POST_KIND = "eparcours.post";

    private final ModuleContext context;
    private final EParcoursSettings settings;
    private final FhirContext fhir;
    private final ProfileValidator validator;
    private final NoteWriter writer;
    private volatile BearerTokenProvider tokenProvider;

    DefaultEParcoursClient(ModuleContext context, EParcoursSettings settings, ProfileValidator validator) {
        this.context = context;
        this.settings = settings;
        this.fhir = validator.context();
        this.validator = validator;
        this.writer = new NoteWriter(settings);
        this.tokenProvider = settings.configuredToken();
    }

    BearerTokenProvider currentTokenProvider() {
        return tokenProvider;
    }

    @Override
    public void tokenProvider(BearerTokenProvider provider) {
        this.tokenProvider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public OperationReceipt post(NoteDraft draft) {
        return journal(draft, null);
    }

    @Override
    public OperationReceipt reply(NoteRef parent, NoteDraft draft) {
        Require.present(parent, "parent");
        return journal(draft, parent);
    }

    private OperationReceipt journal(NoteDraft draft, NoteRef parent) {
        Require.present(draft, "draft");
        Ins ins = IdentityGuard.requireQualified(draft.person(), "e-parcours note");
        String noteId = draft.noteId() != null ? draft.noteId() : UUID.randomUUID().toString();
        Bundle bundle = writer.creation(draft, ins, noteId, parent, context.clock().instant());
        List<ConformanceIssue> issues = validator.validate(bundle);
        if (ProfileValidator.blocking(issues)) {
            throw new ContentRefusedException(EParcoursErrorCode.NOTE_INVALID, "note", issues);
        }
        byte[] payload = fhir.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
        String actor = draft.author() == null ? "structure:" + settings.finess() : draft.author().nationalId();
        OperationReceipt receipt = context.outbox().accept(new OutboundRequest(POST_KIND, noteId, settings.finess(),
                actor, ins.matricule(), "application/fhir+json", payload,
                Map.of("type", draft.type().code(), "reply", String.valueOf(parent != null))));
        audit(actor, ins.matricule(), AuditOutcome.ACCEPTED, receipt.operationId(), "eparcours.post",
                "note " + noteId + " (" + draft.type().code() + (parent == null ? "" : ", reply") + ") journaled");
        return receipt;
    }

    /**
     * The delivery handler of {@link #POST_KIND}: the journaled transaction, sent; the note's reference is the remote reference. A
     * retry first looks for the note on the platform: an earlier attempt may have been stored with its answer lost
     * (a cut connection, a connector killed before it recorded the answer), and a second post is a second note.
     */
    DeliveryOutcome deliver(JournaledOperation operation) {
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, new String(operation.payload(), StandardCharsets.UTF_8));
        if (operation.attempt() > 1) {
            String stored = storedEarlier(bundle, operation.createdAt());
            if (stored != null) {
                audit(operation.actor(), operation.person(), AuditOutcome.SUCCESS, operation.operationId(), "eparcours.post",
                        "note already on the platform as " + stored + " (an earlier attempt's answer was lost); not posted again");
                return DeliveryOutcome.acked(stored);
            }
        }
        Bundle response = context.requests().invoke(PlatformCall.TRANSACTION, new PlatformCall.Transaction(bundle));
        String location = null;
        for (int i = 0; i < bundle.getEntry().size() && i < response.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof DocumentReference) {
                location = response.getEntry().get(i).getResponse().getLocation();
            }
        }
        audit(operation.actor(), operation.person(), AuditOutcome.SUCCESS, operation.operationId(), "eparcours.post",
                "note delivered as " + location);
        return DeliveryOutcome.acked(location);
    }

    /**
     * The location of the transaction's note if the platform already holds it: the person's notes changed since the
     * operation was accepted (an hour earlier, for clocks that disagree), searched for the note identifier. The same
     * search as a pull, so it asks of the platform nothing more than the cahier de liaison already needs.
     */
    private String storedEarlier(Bundle transaction, Instant acceptedAt) {
        BundleIndex entries = new BundleIndex(transaction);
        DocumentReference note = entries.all(DocumentReference.class).get(0);
        org.hl7.fhir.r4.model.Identifier patient = entries.all(org.hl7.fhir.r4.model.Patient.class).get(0).getIdentifierFirstRep();
        String url = "DocumentReference?patient.identifier=" + encode(patient.getSystem() + "|" + patient.getValue())
                + "&_lastUpdated=ge" + acceptedAt.minus(java.time.Duration.ofHours(1)) + "&_count=50";
        Bundle found = context.requests().invoke(PlatformCall.SEARCH, new PlatformCall.Search(url));
        return new BundleIndex(found).all(DocumentReference.class).stream()
                .filter(n -> n.hasMasterIdentifier() && note.getMasterIdentifier().getSystem().equals(n.getMasterIdentifier().getSystem())
                        && note.getMasterIdentifier().getValue().equals(n.getMasterIdentifier().getValue()))
                .map(n -> "DocumentReference/" + n.getIdElement().getIdPart() + "/_history/" + n.getMeta().getVersionId())
                .findFirst().orElse(null);
    }

    @Override
    public NoteRef update(NoteRef note, String newText) {
        Require.text(newText, "newText");
        return change(note, current -> {
            current.getContent().clear();
            current.addContent().setAttachment(NoteWriter.text(newText, context.clock().instant()));
        }, "eparcours.update");
    }

    @Override
    public NoteRef withdraw(NoteRef note) {
        return change(note, current -> current.setStatus(Enumerations.DocumentReferenceStatus.ENTEREDINERROR), "eparcours.withdraw");
    }

    private NoteRef change(NoteRef note, java.util.function.Consumer<DocumentReference> edit, String action) {
        Require.present(note, "note");
        Require.text(note.version(), "note.version");
        DocumentReference current = context.requests().invoke(PlatformCall.READ, new PlatformCall.Read(note.id()));
        if (!current.hasMasterIdentifier() || !settings.noteIdSystem().equals(current.getMasterIdentifier().getSystem())) {
            throw new InvalidInputException(EParcoursErrorCode.NOT_OWN_NOTE, "note", "note " + note.id() + " was not written by this structure");
        }
        edit.accept(current);
        current.getMeta().setVersionId(null);
        List<ConformanceIssue> issues = validator.validate(current, NoteWriter.NOTE_PROFILE);
        if (ProfileValidator.blocking(issues)) {
            throw new ContentRefusedException(EParcoursErrorCode.NOTE_INVALID, "note", issues);
        }
        String version = context.requests().invoke(PlatformCall.UPDATE, new PlatformCall.Update(current, note.version()));
        audit("structure:" + settings.finess(), null, AuditOutcome.SUCCESS, null, action, "note " + note.id() + " now at version " + version);
        return new NoteRef(note.id(), version);
    }

    @Override
    public PullResult pull(PersonIdentity person) {
        Ins ins = IdentityGuard.requireQualified(person, "e-parcours pull");
        String cursorName = "eparcours.pull." + settings.finess() + "." + ins.matricule();
        return read(ins, context.cursors().get(cursorName).orElse(null), cursorName);
    }

    @Override
    public PullResult notesSince(PersonIdentity person, Instant since) {
        Ins ins = IdentityGuard.requireQualified(person, "e-parcours read");
        return read(ins, since == null ? null : since.toString(), null);
    }

    /** The largest note content imported by a pull: a care note is text, a megabyte is already a book. */
    static final long MAX_RECEIVED_NOTE_BYTES = 1_048_576;

    private static long contentBytes(DocumentReference note) {
        long total = 0;
        for (DocumentReference.DocumentReferenceContentComponent content : note.getContent()) {
            if (content.hasAttachment() && content.getAttachment().hasData()) {
                total += content.getAttachment().getData().length;
            }
        }
        return total;
    }

    /** Reads the notes changed since {@code since}; with a cursor name, records them and advances the cursor. */
    private PullResult read(Ins ins, String since, String cursorName) {
        String url = "DocumentReference?patient.identifier=" + encode("urn:oid:" + ins.oid() + "|" + ins.matricule())
                + (since == null ? "" : "&_lastUpdated=ge" + since) + "&_sort=_lastUpdated&_include=DocumentReference:author&_count=50";
        Bundle bundle = context.requests().invoke(PlatformCall.SEARCH, new PlatformCall.Search(url));
        BundleIndex index = new BundleIndex(bundle);
        List<DocumentReference> notes = new ArrayList<>(index.all(DocumentReference.class));
        notes.sort(Comparator.comparing(n -> n.getMeta().getLastUpdated() == null ? Instant.EPOCH : n.getMeta().getLastUpdated().toInstant()));
        List<ReceivedNote> received = new ArrayList<>();
        Map<String, List<ConformanceIssue>> refused = new LinkedHashMap<>();
        Instant newest = since == null ? null : Instant.parse(since);
        for (DocumentReference note : notes) {
            Instant updated = note.getMeta().getLastUpdated() == null ? null : note.getMeta().getLastUpdated().toInstant();
            if (updated != null && (newest == null || updated.isAfter(newest))) {
                newest = updated;
            }
            if (note.hasMasterIdentifier() && settings.noteIdSystem().equals(note.getMasterIdentifier().getSystem())) {
                continue; // our own note
            }
            NoteRef ref = NoteReader.ref(note);
            long size = contentBytes(note);
            if (size > MAX_RECEIVED_NOTE_BYTES) {
                // A care note is a few lines of text: one of tens of megabytes is refused, not imported.
                refused.put(ref.toString(), List.of(new ConformanceIssue("DocumentReference.content.attachment", ConformanceIssue.Severity.ERROR,
                        "the note's content has " + size + " bytes; at most " + MAX_RECEIVED_NOTE_BYTES + " are imported")));
                continue;
            }
            List<ConformanceIssue> issues = validator.validate(note, NoteWriter.NOTE_PROFILE);
            if (ProfileValidator.blocking(issues)) {
                refused.put(ref.toString(), issues.stream().filter(i -> i.severity().blocking()).toList());
                continue;
            }
            InboundLedger.Receipt receipt = cursorName == null ? InboundLedger.Receipt.NEW
                    : context.inbound().record(UsageKinds.EPARCOURS_NOTE_RECEIVED, "DocumentReference/" + ref.id(),
                    Objects.toString(ref.version(), "1"), settings.finess(), ins.matricule());
            if (receipt != InboundLedger.Receipt.SAME_VERSION) {
                received.add(NoteReader.read(note, index, receipt == InboundLedger.Receipt.NEW_VERSION));
            }
        }
        if (newest != null && cursorName != null) {
            // _lastUpdated=ge: the boundary note comes again next time and the ledger drops it; none is lost.
            context.cursors().put(cursorName, newest.toString());
        }
        audit("structure:" + settings.finess(), ins.matricule(), AuditOutcome.SUCCESS, null, "eparcours.pull",
                received.size() + " note(s) received, " + refused.size() + " refused");
        return new PullResult(received, refused);
    }

    @Override
    public ReceivedNote note(String noteId) {
        Require.text(noteId, "noteId");
        DocumentReference note = context.requests().invoke(PlatformCall.READ, new PlatformCall.Read(noteId));
        List<ConformanceIssue> issues = validator.validate(note, NoteWriter.NOTE_PROFILE);
        if (ProfileValidator.blocking(issues)) {
            throw new ContentRefusedException(EParcoursErrorCode.NOTE_INVALID, "note", issues);
        }
        return NoteReader.read(note, new BundleIndex(new Bundle()), false);
    }

    @Override
    public CareTeam careTeam(PersonIdentity person) {
        Ins ins = IdentityGuard.requireQualified(person, "e-parcours care team");
        String url = "CareTeam?patient.identifier=" + encode("urn:oid:" + ins.oid() + "|" + ins.matricule()) + "&_include=CareTeam:participant";
        Bundle bundle = context.requests().invoke(PlatformCall.SEARCH, new PlatformCall.Search(url));
        BundleIndex index = new BundleIndex(bundle);
        org.hl7.fhir.r4.model.CareTeam team = index.all(org.hl7.fhir.r4.model.CareTeam.class).stream().findFirst()
                .orElseThrow(() -> new InvalidInputException(EParcoursErrorCode.NOTE_NOT_FOUND, "person", "has no care team on the platform"));
        List<CareTeam.Member> members = new ArrayList<>();
        for (CareTeamParticipantComponent participant : team.getParticipant()) {
            String role = participant.getRole().stream().map(c -> c.hasCoding() ? c.getCodingFirstRep().getDisplay() : c.getText())
                    .filter(Objects::nonNull).findFirst().orElse(null);
            String since = participant.getPeriod().hasStart() ? participant.getPeriod().getStartElement().getValueAsString() : null;
            var member = participant.getMember();
            String kind = member.hasReference() ? member.getReference().split("/")[0] : member.getType();
            String name = member.getDisplay();
            String identifier = member.hasIdentifier() ? member.getIdentifier().getValue() : null;
            PractitionerRole practitionerRole = index.resolve(team, member, PractitionerRole.class).orElse(null);
            if (practitionerRole != null) {
                Practitioner practitioner = index.resolve(practitionerRole, practitionerRole.getPractitioner(), Practitioner.class).orElse(null);
                if (practitioner != null && practitioner.hasName()) {
                    name = practitioner.getNameFirstRep().getNameAsSingleString();
                } else if (practitionerRole.getPractitioner().hasDisplay()) {
                    name = practitionerRole.getPractitioner().getDisplay();
                }
            }
            Organization organization = index.resolve(team, member, Organization.class).orElse(null);
            if (organization != null) {
                name = organization.getName();
            }
            RelatedPerson relative = index.resolve(team, member, RelatedPerson.class).orElse(null);
            if (relative != null && relative.hasName()) {
                name = relative.getNameFirstRep().getNameAsSingleString();
            }
            members.add(new CareTeam.Member(kind, name, role, identifier, since));
        }
        return new CareTeam(team.getIdElement().getIdPart(), team.getName(), team.hasStatus() ? team.getStatus().toCode() : null, members);
    }

    @Override
    public String subscribe(PersonIdentity person, java.net.URI notificationEndpoint) {
        Ins ins = IdentityGuard.requireQualified(person, "e-parcours subscription");
        Require.present(notificationEndpoint, "notificationEndpoint");
        if (!"https".equals(notificationEndpoint.getScheme()) && !"127.0.0.1".equals(notificationEndpoint.getHost())) {
            throw InvalidInputException.format("notificationEndpoint", "an https URL (plain http on loopback only)");
        }
        org.hl7.fhir.r4.model.Subscription subscription = new SubscriptionWriter(settings)
                .subscription(person, ins, notificationEndpoint, context.clock().instant());
        List<ConformanceIssue> issues = validator.validate(subscription);
        if (ProfileValidator.blocking(issues)) {
            throw new ContentRefusedException(EParcoursErrorCode.NOTE_INVALID, "subscription", issues);
        }
        String id = context.requests().invoke(PlatformCall.CREATE, new PlatformCall.Create(subscription));
        audit("structure:" + settings.finess(), ins.matricule(), AuditOutcome.SUCCESS, null, "eparcours.subscribe", "Subscription/" + id);
        return id;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void audit(String actor, String person, AuditOutcome outcome, UUID operation, String action, String detail) {
        context.audit().record(new AuditEvent(context.clock().instant(), settings.finess(), actor, context.config().software().name(),
                action, person, operation, outcome, detail));
    }
}
