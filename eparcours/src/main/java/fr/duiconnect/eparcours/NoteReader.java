package fr.duiconnect.eparcours;

import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.eparcours.NoteVisibility;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.fhir.BundleIndex;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads a platform's DocumentReference (with the authors of its searchset) as a {@link ReceivedNote}. Camel-free. */
final class NoteReader {

    private NoteReader() {
    }

    static NoteRef ref(DocumentReference note) {
        return new NoteRef(note.getIdElement().getIdPart(), note.getMeta().getVersionId() != null
                ? note.getMeta().getVersionId() : note.getIdElement().getVersionIdPart());
    }

    static ReceivedNote read(DocumentReference note, BundleIndex index, boolean update) {
        String text = note.getContent().stream().map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
                .filter(a -> a.getContentType() != null && a.getContentType().startsWith("text/plain") && a.hasData())
                .map(NoteReader::text).findFirst().orElse(null);
        Coding type = note.getType().getCoding().stream().filter(c -> NoteType.SYSTEM.equals(c.getSystem())).findFirst().orElse(null);
        String authorName = null;
        String authorRole = null;
        if (note.hasAuthor()) {
            Reference author = note.getAuthorFirstRep();
            PractitionerRole role = index.resolve(note, author, PractitionerRole.class).orElse(null);
            if (role != null) {
                authorRole = role.getCode().stream().map(NoteReader::label).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                Practitioner practitioner = index.resolve(role, role.getPractitioner(), Practitioner.class).orElse(null);
                authorName = practitioner != null && practitioner.hasName() ? practitioner.getNameFirstRep().getNameAsSingleString()
                        : role.getPractitioner().getDisplay();
            } else {
                authorName = index.resolve(note, author, Organization.class).map(Organization::getName).orElse(author.getDisplay());
            }
        }
        Extension urgent = note.getExtensionByUrl(NoteWriter.EMERGENCY);
        NoteVisibility visibility = note.getSecurityLabel().stream().flatMap(c -> c.getCoding().stream())
                .map(c -> NoteVisibility.fromCode(c.getCode())).findFirst().orElse(NoteVisibility.NORMAL);
        NoteRef replyTo = note.getRelatesTo().stream()
                .filter(r -> r.getCode() == DocumentReference.DocumentRelationshipType.APPENDS && r.getTarget().hasReference())
                .map(r -> NoteRef.parse(r.getTarget().getReference())).findFirst().orElse(null);
        OffsetDateTime date = note.hasDate() ? OffsetDateTime.ofInstant(note.getDate().toInstant(), ZoneOffset.UTC) : null;
        return new ReceivedNote(ref(note), note.hasMasterIdentifier() ? note.getMasterIdentifier().getValue() : null,
                type == null ? null : NoteType.fromCode(type.getCode()), text, date, authorName, authorRole,
                urgent != null && urgent.getValue() instanceof BooleanType flag && flag.booleanValue(), visibility, replyTo,
                note.getStatus() == Enumerations.DocumentReferenceStatus.ENTEREDINERROR, update);
    }

    private static String text(Attachment attachment) {
        return new String(attachment.getData(), StandardCharsets.UTF_8);
    }

    private static String label(CodeableConcept concept) {
        List<Coding> codings = concept.getCoding();
        return codings.isEmpty() ? concept.getText() : codings.get(0).hasDisplay() ? codings.get(0).getDisplay() : codings.get(0).getCode();
    }
}
