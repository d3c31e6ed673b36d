package fr.duiconnect.harness.fhir;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Persons with a qualified INS that the FHIR simulators know (residents of the sandbox's test EHPAD), and their
 * FR Core Patient INS representation. The first two are the patients of the ePrescription IG examples.
 */
public record InsPersona(String localId, String matricule, String birthName, List<String> firstNames, String usedName,
                         Sex sex, LocalDate birthDate, String birthPlaceCog) {

    public static final String INS_NIR_OID = "1.2.250.1.213.1.4.8";

    public static final List<InsPersona> ALL = List.of(
            new InsPersona("R-0001", "289062913400149", "CUIMEANACH", List.of("MARSALI", "MORAG", "MAIREAD"), "ARASGAIN", Sex.F,
                    LocalDate.of(1989, 1, 2), "29134"),
            new InsPersona("R-0002", nir("1350575112345"), "MARTIN", List.of("JEAN", "PIERRE"), null, Sex.M,
                    LocalDate.of(1935, 5, 12), "75112"),
            new InsPersona("R-0003", nir("2410869123456"), "DUBOIS", List.of("MARIE", "LOUISE"), "LEFEBVRE", Sex.F,
                    LocalDate.of(1941, 8, 3), "69123"),
            new InsPersona("R-0004", nir("1280313055123"), "BERNARD", List.of("ANDRE"), null, Sex.M,
                    LocalDate.of(1928, 3, 21), "13055"));

    private static String nir(String number) {
        return number + Ins.computeKey(number);
    }

    public static InsPersona byMatricule(String matricule) {
        return ALL.stream().filter(p -> p.matricule().equals(matricule)).findFirst()
                .orElseThrow(() -> InvalidInputException.format("ins", "the INS of a sandbox persona: "
                        + ALL.stream().map(p -> p.matricule() + " (" + p.birthName() + " " + p.firstNames().get(0) + ")")
                                .collect(Collectors.joining(", "))));
    }

    public Ins ins() {
        // As INSi returns it: the IG examples' INS 289062913400149 does not follow the key formula (97 - N mod 97 = 46).
        return Ins.asReturnedByInsi(matricule.substring(0, 13), matricule.substring(13), InsKind.NIR);
    }

    /** The DUI's qualified identity of this person. */
    public PersonIdentity identity() {
        IdentityTraits traits = new IdentityTraits(birthName, firstNames, usedName, null, sex, birthDate, birthPlaceCog);
        return new PersonIdentity(localId, traits, ins(), IdentityStatus.QUAL, Set.of());
    }

    /** An FR Core Patient INS resource with this id. */
    public Patient toPatient(String id) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.getMeta().addProfile("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-ins");
        Extension reliability = patient.addExtension().setUrl("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-identity-reliability");
        reliability.addExtension("identityStatus", new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0445", "VALI", null));
        Address place = new Address();
        place.addExtension("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code",
                new Coding("https://mos.esante.gouv.fr/NOS/TRE_R13-Commune/FHIR/TRE-R13-Commune", birthPlaceCog, null));
        patient.addExtension("http://hl7.org/fhir/StructureDefinition/patient-birthPlace", place);
        patient.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setType(new CodeableConcept(new Coding("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "INS-NIR", "NIR définitif")))
                .setSystem("urn:oid:" + INS_NIR_OID).setValue(matricule));
        HumanName official = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(birthName).addGiven(firstNames.get(0));
        official.addExtension("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient-birth-list-given-name",
                new StringType(String.join(" ", firstNames)));
        if (usedName != null) {
            patient.addName().setUse(HumanName.NameUse.USUAL).setFamily(usedName);
        }
        patient.setGender(sex == Sex.M ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate.toString()));
        return patient;
    }
}
