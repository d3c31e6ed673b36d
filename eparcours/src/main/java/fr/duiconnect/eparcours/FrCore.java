package fr.duiconnect.eparcours;

import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

import java.util.Map;

/**
 * What FR Core (2.0.1, the CdL IG's dependency; unchanged in 2.1.0 and 2.2.0 for these elements) asks of a Patient
 * INS, and the FHIR URLs of the NOS code systems the DUI knows by OID. Camel-free.
 */
final class FrCore {

    static final String CORE = "https://hl7.fr/ig/fhir/core/";
    static final String PATIENT_INS = CORE + "StructureDefinition/fr-core-patient-ins";
    static final String BIRTH_LIST_GIVEN_NAME = CORE + "StructureDefinition/fr-core-patient-birth-list-given-name";
    static final String IDENTITY_RELIABILITY = CORE + "StructureDefinition/fr-core-identity-reliability";
    static final String IDENTIFIER_TYPE = CORE + "CodeSystem/fr-core-cs-v2-0203";
    static final String RELIABILITY_CODES = CORE + "CodeSystem/fr-core-cs-v2-0445";
    static final String METHOD_COLLECTION = CORE + "CodeSystem/fr-core-cs-method-collection";
    static final String FINESS = "https://finess.esante.gouv.fr";
    static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    static final String INSEE_CODE = CORE + "StructureDefinition/fr-core-address-insee-code";
    /** fr-core-vs-insee-code (FR Core 2.0.1): the communes of TRE_R13, whose codes are the INS birth place COG. */
    static final String COMMUNES = "https://mos.esante.gouv.fr/NOS/TRE_R13-Commune/FHIR/TRE-R13-Commune";

    /** NOS tables the DUI codes by OID, and their FHIR system URL (what the ANS FHIR IGs bind to). */
    private static final Map<String, String> NOS_SYSTEMS = Map.of(
            "1.2.250.1.213.1.1.4.5", "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante");

    private FrCore() {
    }

    /** The INS as the identifier slice of its kind (INS-NIR, or INS-NIA for a temporary number). */
    static void addIns(Patient patient, Ins ins) {
        String type = ins.kind() == InsKind.NIA ? "INS-NIA" : "INS-NIR";
        patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setType(new CodeableConcept(new Coding(IDENTIFIER_TYPE, type, null)))
                .setSystem("urn:oid:" + ins.oid()).setValue(ins.matricule());
    }

    /**
     * A professional's identifiers as the Annuaire's {@code as-practitioner} slices them: the national id (idNatPs,
     * PSIdNat: 8 + RPPS, 0 + ADELI...) and, for an RPPS, the RPPS number itself.
     */
    static void addProfessionalIds(Practitioner practitioner, Professional professional) {
        practitioner.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setType(new CodeableConcept(new Coding(IDENTIFIER_TYPE, "IDNPS", null)))
                .setSystem(NoteWriter.RPPS_SYSTEM).setValue(professional.nationalId());
        if (professional.idKind() == ProfessionalIdKind.RPPS) {
            practitioner.addIdentifier().setType(new CodeableConcept(new Coding(IDENTIFIER_TYPE, "RPPS", null)))
                    .setSystem("https://rpps.esante.gouv.fr").setValue(professional.id());
        }
    }

    /**
     * A structure's identifiers as the Annuaire's {@code as-organization} slices them: the national structure id
     * (idNatSt: 1 + FINESS) and the FINESS itself.
     */
    static void addStructureIds(Organization organization, String finess) {
        organization.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL)
                .setType(new CodeableConcept(new Coding(IDENTIFIER_TYPE, "IDNST", null)))
                .setSystem(NoteWriter.FINESS_SYSTEM).setValue("1" + finess);
        organization.addIdentifier().setSystem(FINESS).setValue(finess);
    }

    /**
     * The RNIV status in FR Core's identity reliability: {@code identityStatus} VALI for an identity checked against a
     * high-trust document (VALI, QUAL), PROV otherwise (PROV, RECUP); {@code methodCollection} INSI when its traits came
     * from the INSi teleservice (RECUP, QUAL). QUAL is thus VALI + INSI, as the RNIV defines it.
     */
    static Extension identityReliability(IdentityStatus status) {
        Extension reliability = new Extension(IDENTITY_RELIABILITY);
        boolean validated = status.checkedAgainstDocument();
        reliability.addExtension("identityStatus", new Coding(RELIABILITY_CODES, validated ? "VALI" : "PROV",
                validated ? "Identité validée" : "Identité provisoire"));
        if (status.retrievedFromInsi()) {
            reliability.addExtension("methodCollection", new Coding(METHOD_COLLECTION, "INSI", "Téléservice INSI"));
        }
        return reliability;
    }

    /** The birth place as its INSEE code (COG; 99xxx for a birth abroad). */
    static Extension birthPlace(String cog) {
        Address address = new Address();
        address.addExtension(INSEE_CODE, new Coding(COMMUNES, cog, null));
        return new Extension(BIRTH_PLACE, address);
    }

    /** The FHIR system of a code system given by OID or URL: the NOS table's URL when known, else urn:oid. */
    static String system(String codeSystem) {
        if (!codeSystem.matches("[0-9.]+")) {
            return codeSystem;
        }
        return NOS_SYSTEMS.getOrDefault(codeSystem, "urn:oid:" + codeSystem);
    }
}
