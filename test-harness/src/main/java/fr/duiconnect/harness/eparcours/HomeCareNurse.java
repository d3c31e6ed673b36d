package fr.duiconnect.harness.eparcours;

import fr.duiconnect.harness.fhir.InsPersona;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;

/**
 * The second participant of the simulated notebook: a nurse of a home-care service (SSIAD) who writes notes about
 * the personas and answers the DUI's requests for an opinion (DEM-AVIS) with a reply (relatesTo appends).
 */
public final class HomeCareNurse {

    public static final String NOTE_SYSTEM = "urn:sandbox:ssiad:notes";
    static final String TYPE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R234-TypeNote/FHIR/TRE-R234-TypeNote";

    private final PlatformStore store;
    private final String roleReference;

    HomeCareNurse(PlatformStore store) {
        this.store = store;
        Organization ssiad = new Organization();
        ssiad.setId("Organization/ssiad-1");
        ssiad.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.2").setValue("750000029");
        ssiad.setName("SSIAD du Val");
        Practitioner nurse = new Practitioner();
        nurse.setId("Practitioner/nurse-1");
        nurse.addIdentifier().setSystem("urn:oid:1.2.250.1.71.4.2.1").setValue("810002345678");
        nurse.addName().setFamily("BROOKS").addGiven("SOPHIE");
        PractitionerRole role = new PractitionerRole();
        role.setId("PractitionerRole/nurse-1-ssiad");
        role.setPractitioner(new Reference("Practitioner/nurse-1").setDisplay("Sophie BROOKS"));
        role.setOrganization(new Reference("Organization/ssiad-1"));
        role.addCode(new CodeableConcept(new Coding("https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante",
                "60", "Infirmier")));
        store.putActor(ssiad);
        store.putActor(nurse);
        store.putActor(role);
        this.roleReference = "PractitionerRole/nurse-1-ssiad";
    }

    /** The nurse writes a note about the persona. */
    public DocumentReference writes(InsPersona persona, String type, String text) {
        return store.create(note(patientOf(persona), type, text, null));
    }

    /** The nurse answers a note. */
    public DocumentReference replies(DocumentReference parent, String text) {
        return store.create(note(parent.getSubject().getReference(), "OBS", text, parent.getIdElement().getIdPart()));
    }

    private String patientOf(InsPersona persona) {
        Resource existing = store.actorByIdentifier("Patient", "urn:oid:" + InsPersona.INS_NIR_OID, persona.matricule()).orElse(null);
        if (existing != null) {
            return "Patient/" + existing.getIdElement().getIdPart();
        }
        Patient patient = persona.toPatient(store.newId("patient"));
        patient.setId("Patient/" + patient.getIdElement().getIdPart());
        store.putActor(patient);
        return "Patient/" + patient.getIdElement().getIdPart();
    }

    private DocumentReference note(String patient, String type, String text, String parentId) {
        DocumentReference note = new DocumentReference();
        note.getMeta().addProfile(NoteChecks.CDL + "cdl-document-reference");
        note.getMasterIdentifier().setSystem(NOTE_SYSTEM).setValue(UUID.randomUUID().toString());
        note.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        note.setType(new CodeableConcept(new Coding(TYPE_SYSTEM, type, null)));
        note.setSubject(new Reference(patient));
        note.setDate(new Date());
        note.addAuthor(new Reference(roleReference));
        note.addExtension(NoteChecks.CDL + "cdl-ext-is-emergency", new BooleanType(false));
        if (parentId != null) {
            note.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.APPENDS)
                    .setTarget(new Reference("DocumentReference/" + parentId));
        }
        note.addContent().setAttachment(new Attachment().setContentType("text/plain").setLanguage("fr")
                .setData(text.getBytes(StandardCharsets.UTF_8)));
        return note;
    }

    /** Called for every note the DUI creates: a request for an opinion gets an answer. */
    void onNewNote(DocumentReference note) {
        boolean askingOpinion = note.getType().getCoding().stream().anyMatch(c -> "DEM-AVIS".equals(c.getCode()));
        boolean fromNurse = note.getMasterIdentifier() != null && NOTE_SYSTEM.equals(note.getMasterIdentifier().getSystem());
        if (askingOpinion && !fromNurse) {
            replies(note, "Vu ce jour à domicile, avis : poursuivre la surveillance, je repasse demain.");
        }
    }
}
