package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the DUI holds of a resident for the DLU (dossier de liaison d'urgence, volet DLU-EHPAD 2022.01): identity,
 * the establishment and the professional who writes it, the médecin traitant, the people to call, the preferred
 * hospital, and the clinical summary the emergency team needs. Empty lists mean "none recorded"; the document then
 * says so. Build it with {@link #builder}.
 *
 * @param address            the resident's address (often the establishment's), may be null
 * @param admittedOn         date of entry into the establishment, may be null
 * @param trustedPerson      personne de confiance, may be null
 * @param emergencyContact   personne à prévenir, may be null
 * @param preferredFacility  établissement de santé de préférence, may be null
 * @param observations       the DLU form's yes/no observations; an observation absent from the map was not assessed
 * @param comment            free comment, may be null
 */
public record ResidentRecord(PersonIdentity person, PostalAddress address, LocalDate admittedOn, Establishment establishment,
                             CareProfessional author, CareProfessional attendingPhysician, RelatedPerson trustedPerson,
                             RelatedPerson emergencyContact, PreferredFacility preferredFacility,
                             List<Pathology> activePathologies, List<Allergy> allergies, List<Treatment> treatments,
                             AdvanceDirectives advanceDirectives, BmrStatus bmr, String bmrDetails,
                             Map<PatientObservation, Boolean> observations, List<Vaccination> vaccinations,
                             List<AttachedDocument> attachedDocuments, String comment) {

    public ResidentRecord {
        Require.present(person, "resident.person");
        Require.present(establishment, "resident.establishment");
        Require.present(author, "resident.author");
        activePathologies = copy(activePathologies);
        allergies = copy(allergies);
        treatments = copy(treatments);
        vaccinations = copy(vaccinations);
        attachedDocuments = copy(attachedDocuments);
        advanceDirectives = advanceDirectives == null ? AdvanceDirectives.none() : advanceDirectives;
        bmr = bmr == null ? BmrStatus.UNKNOWN : bmr;
        EnumMap<PatientObservation, Boolean> observed = new EnumMap<>(PatientObservation.class);
        if (observations != null) {
            observations.forEach((k, v) -> observed.put(Require.present(k, "resident.observations"), Require.present(v, "resident.observations." + k)));
        }
        observations = Map.copyOf(observed);
    }

    /** The same record for another person (e.g. once the identity was qualified through INSi). */
    public ResidentRecord withPerson(PersonIdentity newPerson) {
        return new ResidentRecord(newPerson, address, admittedOn, establishment, author, attendingPhysician, trustedPerson,
                emergencyContact, preferredFacility, activePathologies, allergies, treatments, advanceDirectives, bmr, bmrDetails,
                observations, vaccinations, attachedDocuments, comment);
    }

    /** The same record kept by another establishment (a transfer, or the structure a configuration names). */
    public ResidentRecord withEstablishment(Establishment newEstablishment) {
        return new ResidentRecord(person, address, admittedOn, newEstablishment, author, attendingPhysician, trustedPerson,
                emergencyContact, preferredFacility, activePathologies, allergies, treatments, advanceDirectives, bmr, bmrDetails,
                observations, vaccinations, attachedDocuments, comment);
    }

    /** The same record with another médecin traitant (e.g. completed from the Annuaire Santé). */
    public ResidentRecord withAttendingPhysician(CareProfessional newAttendingPhysician) {
        return new ResidentRecord(person, address, admittedOn, establishment, author, newAttendingPhysician, trustedPerson,
                emergencyContact, preferredFacility, activePathologies, allergies, treatments, advanceDirectives, bmr, bmrDetails,
                observations, vaccinations, attachedDocuments, comment);
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    public static Builder builder(PersonIdentity person, Establishment establishment, CareProfessional author) {
        return new Builder(person, establishment, author);
    }

    /** A mutable builder; {@link #build()} checks the record. Not thread-safe. */
    public static final class Builder {
        private final PersonIdentity person;
        private final Establishment establishment;
        private final CareProfessional author;
        private PostalAddress address;
        private LocalDate admittedOn;
        private CareProfessional attendingPhysician;
        private RelatedPerson trustedPerson;
        private RelatedPerson emergencyContact;
        private PreferredFacility preferredFacility;
        private final List<Pathology> activePathologies = new ArrayList<>();
        private final List<Allergy> allergies = new ArrayList<>();
        private final List<Treatment> treatments = new ArrayList<>();
        private AdvanceDirectives advanceDirectives;
        private BmrStatus bmr;
        private String bmrDetails;
        private final Map<PatientObservation, Boolean> observations = new EnumMap<>(PatientObservation.class);
        private final List<Vaccination> vaccinations = new ArrayList<>();
        private final List<AttachedDocument> attachedDocuments = new ArrayList<>();
        private String comment;

        private Builder(PersonIdentity person, Establishment establishment, CareProfessional author) {
            this.person = person;
            this.establishment = establishment;
            this.author = author;
        }

        public Builder address(PostalAddress value) { this.address = value; return this; }
        public Builder admittedOn(LocalDate value) { this.admittedOn = value; return this; }
        public Builder attendingPhysician(CareProfessional value) { this.attendingPhysician = value; return this; }
        public Builder trustedPerson(RelatedPerson value) { this.trustedPerson = value; return this; }
        public Builder emergencyContact(RelatedPerson value) { this.emergencyContact = value; return this; }
        public Builder preferredFacility(PreferredFacility value) { this.preferredFacility = value; return this; }
        public Builder pathology(Pathology value) { activePathologies.add(value); return this; }
        public Builder allergy(Allergy value) { allergies.add(value); return this; }
        public Builder treatment(Treatment value) { treatments.add(value); return this; }
        public Builder advanceDirectives(AdvanceDirectives value) { this.advanceDirectives = value; return this; }
        public Builder bmr(BmrStatus status, String details) { this.bmr = status; this.bmrDetails = details; return this; }
        public Builder observation(PatientObservation observation, boolean present) { observations.put(observation, present); return this; }
        public Builder vaccination(Vaccination value) { vaccinations.add(value); return this; }
        public Builder attachedDocument(AttachedDocument value) { attachedDocuments.add(value); return this; }
        public Builder comment(String value) { this.comment = value; return this; }

        public ResidentRecord build() {
            return new ResidentRecord(person, address, admittedOn, establishment, author, attendingPhysician, trustedPerson,
                    emergencyContact, preferredFacility, activePathologies, allergies, treatments, advanceDirectives, bmr,
                    bmrDetails, observations, vaccinations, attachedDocuments, comment);
        }
    }
}
