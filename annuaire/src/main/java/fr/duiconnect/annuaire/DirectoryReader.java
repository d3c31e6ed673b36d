package fr.duiconnect.annuaire;

import fr.duiconnect.core.directory.HealthcareService;
import fr.duiconnect.core.directory.Mailbox;
import fr.duiconnect.core.directory.MailboxType;
import fr.duiconnect.core.directory.Practitioner;
import fr.duiconnect.core.directory.PractitionerRole;
import fr.duiconnect.core.directory.Structure;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PrimitiveType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the directory's FHIR resources (annuaire IG, public data profiles) to the connector's records. */
final class DirectoryReader {

    /** Identifiant national de professionnel de santé (idNatPs = 8 + RPPS). */
    static final String IDNPS_SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";
    static final String RPPS_SYSTEM = "https://rpps.esante.gouv.fr";
    static final String FINESS_SYSTEM = "https://finess.esante.gouv.fr";
    static final String EMAIL_TYPE = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type";
    static final String MAILBOX_METADATA = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata";
    static final String PROFESSION_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";
    static final String SPECIALTY_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
    static final String PRACTICE_MODE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice";
    static final String ARHGOS_SYSTEM = "https://arhgos.ars.sante.fr";

    private DirectoryReader() {
    }

    /**
     * @param roles         the professional's situations d'exercice
     * @param organizations the structures the roles name (included in the roles' answer)
     */
    static Practitioner practitioner(org.hl7.fhir.r4.model.Practitioner resource, List<org.hl7.fhir.r4.model.PractitionerRole> roles,
                                     List<Organization> organizations) {
        String rpps = resource.getIdentifier().stream().filter(i -> RPPS_SYSTEM.equals(i.getSystem())).map(Identifier::getValue)
                .findFirst().orElseGet(() -> resource.getIdentifier().stream().filter(i -> IDNPS_SYSTEM.equals(i.getSystem()))
                        .map(i -> i.getValue().substring(1)).findFirst().orElseThrow());
        var name = resource.getNameFirstRep();
        String profession = qualification(resource, PROFESSION_SYSTEM);
        String specialty = qualification(resource, SPECIALTY_SYSTEM);
        Map<String, Organization> byReference = new HashMap<>();
        organizations.forEach(o -> byReference.put("Organization/" + o.getIdElement().getIdPart(), o));
        List<PractitionerRole> situations = roles.stream().map(role -> {
            Organization organization = byReference.get(role.getOrganization().getReference());
            return new PractitionerRole(organization == null ? null : finess(organization), organization == null ? null : organization.getName(),
                    profession, specialty, code(role.getCode(), PRACTICE_MODE_SYSTEM), role.getActive());
        }).toList();
        return new Practitioner(rpps, name.getFamily(), name.getGiven().stream().map(PrimitiveType::getValue).toList(),
                name.getPrefix().isEmpty() ? null : name.getPrefix().get(0).getValue(), resource.getActive(), profession, specialty,
                mailboxes(resource.getTelecom()), situations);
    }

    static Structure structure(Organization resource, String finess, List<org.hl7.fhir.r4.model.HealthcareService> services) {
        var address = resource.getAddressFirstRep();
        return new Structure(finess, resource.getName(), address.getLine().isEmpty() ? null : address.getLine().get(0).getValue(),
                address.getCity(), address.getPostalCode(), resource.getActive(), mailboxes(resource.getTelecom()),
                services.stream().map(DirectoryReader::service).toList());
    }

    private static HealthcareService service(org.hl7.fhir.r4.model.HealthcareService resource) {
        boolean activity = resource.getMeta().getProfile().stream().anyMatch(p -> p.getValue().contains("healthcareservice-healthcare-activity"));
        String authorization = resource.getIdentifier().stream().filter(i -> i.getSystem() != null && i.getSystem().startsWith(ARHGOS_SYSTEM))
                .map(Identifier::getValue).findFirst().orElse(null);
        return new HealthcareService(activity ? HealthcareService.Kind.HEALTHCARE_ACTIVITY : HealthcareService.Kind.SOCIAL_EQUIPMENT,
                resource.getTypeFirstRep().getCodingFirstRep().getCode(), authorization, resource.getActive());
    }

    private static String finess(Organization organization) {
        return organization.getIdentifier().stream().filter(i -> FINESS_SYSTEM.equals(i.getSystem())).map(Identifier::getValue)
                .findFirst().orElse(null);
    }

    private static String qualification(org.hl7.fhir.r4.model.Practitioner resource, String system) {
        return code(resource.getQualification().stream().map(q -> q.getCode()).toList(), system);
    }

    /** The code of the first coding of this system among the concepts, or null. */
    private static String code(List<CodeableConcept> concepts, String system) {
        return concepts.stream().flatMap(c -> c.getCoding().stream()).filter(c -> system.equals(c.getSystem())).map(c -> c.getCode())
                .findFirst().orElse(null);
    }

    /** The MSSanté mailboxes among the contact points: email with the email type MSSANTE (as-mailbox-mss). */
    static List<Mailbox> mailboxes(List<ContactPoint> telecom) {
        List<Mailbox> found = new ArrayList<>();
        for (ContactPoint point : telecom) {
            Extension type = point.getExtensionByUrl(EMAIL_TYPE);
            if (point.getSystem() != ContactPoint.ContactPointSystem.EMAIL || type == null
                    || !"MSSANTE".equals(((org.hl7.fhir.r4.model.Coding) type.getValue()).getCode())) {
                continue;
            }
            Extension metadata = point.getExtensionByUrl(MAILBOX_METADATA);
            MailboxType mailboxType = sub(metadata, "type").map(v -> MailboxType.valueOf(((CodeableConcept) v).getCodingFirstRep().getCode()))
                    .orElse(MailboxType.PER);
            found.add(new Mailbox(point.getValue(), mailboxType,
                    sub(metadata, "description").map(v -> v.primitiveValue()).orElse(null),
                    sub(metadata, "service").map(v -> v.primitiveValue()).orElse(null),
                    sub(metadata, "listeRouge").map(v -> ((BooleanType) v).booleanValue()).orElse(false)));
        }
        return found;
    }

    private static Optional<org.hl7.fhir.r4.model.Type> sub(Extension metadata, String url) {
        return metadata == null ? Optional.empty() : Optional.ofNullable(metadata.getExtensionByUrl(url)).map(Extension::getValue);
    }
}
