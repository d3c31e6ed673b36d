package fr.duiconnect.eparcours;

import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.NoteVisibility;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.error.InvalidInputException;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Writes a note as the CdL IG's creation transaction ({@code cdl-bundle-creation-note}): the DocumentReference
 * ({@code cdl-document-reference}) with the person (FR Core Patient INS, conditional create on the INS), the
 * author (PractitionerRole and Practitioner, or the structure's Organization) and the structure. Camel-free.
 */
final class NoteWriter {

    static final String CDL = "https://interop.esante.gouv.fr/ig/fhir/cdl/StructureDefinition/";
    static final String NOTE_PROFILE = CDL + "cdl-document-reference";
    static final String CREATION_PROFILE = CDL + "cdl-bundle-creation-note";
    static final String EMERGENCY = CDL + "cdl-ext-is-emergency";
    static final String RPPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
    static final String FINESS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2";

    private final EParcoursSettings settings;

    NoteWriter(EParcoursSettings settings) {
        this.settings = settings;
    }

    /** The creation transaction of a note (a reply when {@code parent} is given). */
    Bundle creation(NoteDraft draft, Ins ins, String noteId, NoteRef parent, Instant now) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.getMeta().addProfile(CREATION_PROFILE);
        Patient patient = patient(draft.person(), ins);
        Organization structure = structure();
        Resource author = structure;
        PractitionerRole role = null;
        Practitioner practitioner = null;
        if (draft.author() != null) {
            practitioner = practitioner(draft.author());
            role = role(draft.author(), practitioner, structure);
            author = role;
        }
        DocumentReference note = new DocumentReference();
        note.setId(uuid());
        note.getMeta().addProfile(NOTE_PROFILE);
        note.setMasterIdentifier(new Identifier().setSystem(settings.noteIdSystem()).setValue(noteId));
        note.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        note.setType(new CodeableConcept(new Coding(fr.duiconnect.core.eparcours.NoteType.SYSTEM, draft.type().code(), draft.type().display())));
        note.setSubject(new Reference(patient.getIdElement().getValue()));
        note.setDate(Date.from(now));
        note.addAuthor(new Reference(author.getIdElement().getValue()));
        if (draft.visibility() != NoteVisibility.NORMAL) {
            note.addSecurityLabel(new CodeableConcept(new Coding(settings.visibilitySystem(), draft.visibility().code(),
                    draft.visibility().display())));
        }
        note.addExtension(EMERGENCY, new BooleanType(draft.urgent()));
        if (parent != null) {
            note.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.APPENDS)
                    .setTarget(new Reference("DocumentReference/" + parent.id()));
        }
        note.addContent().setAttachment(text(draft.text(), now));

        add(bundle, note, "DocumentReference", settings.conditionalNoteCreate() ? "identifier=" + settings.noteIdSystem() + "|" + noteId : null);
        add(bundle, patient, "Patient", "identifier=" + "urn:oid:" + ins.oid() + "|" + ins.matricule());
        add(bundle, structure, "Organization", "identifier=" + FrCore.FINESS + "|" + settings.finess());
        if (role != null) {
            add(bundle, practitioner, "Practitioner", "identifier=" + RPPS_SYSTEM + "|" + draft.author().nationalId());
            add(bundle, role, "PractitionerRole", null);
        }
        return bundle;
    }

    static Attachment text(String text, Instant now) {
        return new Attachment().setContentType("text/plain").setLanguage("fr")
                .setData(text.getBytes(StandardCharsets.UTF_8)).setCreationElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(now)));
    }

    private static void add(Bundle bundle, Resource resource, String type, String ifNoneExist) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(resource.getIdElement().getValue()).setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type);
        if (ifNoneExist != null) {
            entry.getRequest().setIfNoneExist(ifNoneExist);
        }
    }

    private static String uuid() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** The person as FR Core's {@code fr-core-patient-ins}: the INS identifier slice, identity reliability, birth place. */
    static Patient patient(PersonIdentity person, Ins ins) {
        Patient patient = new Patient();
        patient.setId(uuid());
        patient.getMeta().addProfile(FrCore.PATIENT_INS);
        FrCore.addIns(patient, ins);
        patient.addExtension(FrCore.identityReliability(person.status()));
        var traits = person.traits();
        patient.addExtension(FrCore.birthPlace(traits.birthPlace().orElseThrow(() -> new InvalidInputException(
                EParcoursErrorCode.NOTE_INVALID, "person.traits.birthPlaceCog",
                "is required: FR Core fr-core-patient-ins needs the birth place (INSEE code) of an INS identity"))));
        HumanName official = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(traits.birthName()).addGiven(traits.firstFirstName());
        official.addExtension(FrCore.BIRTH_LIST_GIVEN_NAME, new StringType(traits.firstNamesAsList()));
        patient.setGender(traits.sex() == Sex.M ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(traits.birthDate().toString()));
        return patient;
    }

    private Organization structure() {
        Organization organization = new Organization();
        organization.setId(uuid());
        FrCore.addStructureIds(organization, settings.finess());
        organization.setName(settings.structureName());
        return organization;
    }

    private static Practitioner practitioner(Professional professional) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(uuid());
        FrCore.addProfessionalIds(practitioner, professional);
        HumanName name = practitioner.addName().setFamily(professional.familyName());
        if (professional.givenName() != null) {
            name.addGiven(professional.givenName());
        }
        return practitioner;
    }

    private static PractitionerRole role(Professional professional, Practitioner practitioner, Organization structure) {
        PractitionerRole role = new PractitionerRole();
        role.setId(uuid());
        role.setActive(true);
        role.setPractitioner(new Reference(practitioner.getIdElement().getValue()));
        role.setOrganization(new Reference(structure.getIdElement().getValue()));
        for (Code code : new Code[] {professional.professionCode(), professional.roleCode()}) {
            if (code != null) {
                role.addCode(new CodeableConcept(new Coding(FrCore.system(code.codeSystem()), code.code(),
                        code.displayName().isEmpty() ? null : code.displayName())));
            }
        }
        return role;
    }
}
