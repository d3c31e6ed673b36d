package fr.duiconnect.harness.annuaire;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The simulated directory's content, generated from a seed: structures (FINESS géographique, with and without
 * mailboxes), professionals (RPPS with a Luhn key; homonyms, a retired one, some without a mailbox, one with a
 * cabinet mailbox only, one with both) and their roles, in the annuaire IG's public-data profiles (as-dp-*).
 */
public final class DirectoryStore {

    static final String ANNUAIRE = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/";
    static final String IG_VERSION = "|1.2.0-snapshot-2";
    static final String FR_CORE = "https://hl7.fr/ig/fhir/core/StructureDefinition/";
    static final String FR_CORE_VERSION = "|2.2.0";
    static final String V2_0203 = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
    static final String NOS = "https://mos.esante.gouv.fr/NOS/";
    /** Activité sociale régulée (the FINESS disciplines d'équipement): not in the shared NOS subset, so not checked. */
    static final String SOCIAL_ACTIVITY = "TRE_R211-ActiviteSociale/FHIR/TRE-R211-ActiviteSociale";
    static final String SANITARY_ACTIVITY = "TRE_R276-ActiviteSanitaireRegulee/FHIR/TRE-R276-ActiviteSanitaireRegulee";

    /** A structure of the directory: its FINESS (with its key), name, address and the ORG/APP mailboxes it publishes. */
    public record SimStructure(String finess, String name, String street, String city, String postalCode, List<String> orgMailboxes,
                               List<String> appMailboxes) {
    }

    /** A professional of the directory: RPPS, names, whether active, PER and CAB mailboxes, the structure they work in. */
    public record SimProfessional(String rpps, String family, String given, boolean active, String perMailbox, String cabMailbox,
                                  String structureFiness) {
    }

    /**
     * The résident's médecin traitant in the sandbox: the professional {@code samples/resident-example.json} names by
     * RPPS, whose personal mailbox is the one the MSSanté operator simulator hosts as its treating GP.
     */
    public static final SimProfessional TREATING_GP = new SimProfessional("10003456786", "LEROY", "Sophie", true,
            fr.duiconnect.harness.mssante.MssanteOperatorSimulator.TREATING_GP, "cabinet.34567@medecin.mssante.fr", "750000044");

    private static final String[] FAMILIES = {"MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND",
        "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX"};
    private static final String[] GIVENS = {"Claire", "Julien", "Sophie", "Nicolas", "Camille", "Antoine", "Léa", "Hugo", "Manon", "Louis"};

    private final Map<String, Practitioner> practitioners = new TreeMap<>();
    private final Map<String, Organization> organizations = new TreeMap<>();
    private final List<PractitionerRole> roles = new ArrayList<>();
    private final List<org.hl7.fhir.r4.model.HealthcareService> services = new ArrayList<>();
    private final List<SimProfessional> professionals = new ArrayList<>();
    private final List<SimStructure> structures = new ArrayList<>();

    /** The sandbox's directory: 5 structures and 24 professionals from the given seed. */
    public static DirectoryStore generate(long seed) {
        DirectoryStore store = new DirectoryStore();
        Random random = new Random(seed);
        store.structure(new SimStructure("750000010", "EHPAD LES TILLEULS", "12 RUE DES TILLEULS", "PARIS", "75012",
                List.of("accueil@ehpad-tilleuls.mssante.fr"), List.of("dui@ehpad-tilleuls.mssante.fr")));
        store.structure(new SimStructure("690000013", "CH LYON SUD", "165 CHEMIN DU GRAND REVOYET", "LYON", "69310",
                List.of("cardiologie@chls.mssante.fr"), List.of()));
        store.structure(new SimStructure("130000011", "CABINET DU VIEUX PORT", "2 QUAI DU PORT", "MARSEILLE", "13002", List.of(), List.of()));
        store.structure(new SimStructure("330000019", "SSIAD RIVE DROITE", "8 AVENUE THIERS", "BORDEAUX", "33100",
                List.of("coordination@ssiad-rd.mssante.fr"), List.of()));
        store.structure(new SimStructure("750000044", "MAISON DE SANTE DU PETIT PONT", "3 RUE DU PETIT PONT", "PARIS", "75005",
                List.of(), List.of("lgc@msp-petitpont.mssante.fr")));
        // Homonyms: the same name in two cities; a retired professional; cabinet mailbox only; none; personal and cabinet.
        store.professional("MARTIN", "Claire", true, true, false, "750000010", random);
        store.professional("MARTIN", "Claire", true, true, false, "690000013", random);
        store.professional("DURAND", "Louis", false, true, false, "130000011", random);
        store.professional("PETIT", "Hugo", true, false, true, "130000011", random);
        store.professional("ROUX", "Manon", true, false, false, "330000019", random);
        store.professional(TREATING_GP);
        for (int i = 0; store.professionals.size() < 24; i++) {
            String family = FAMILIES[random.nextInt(FAMILIES.length)];
            String given = GIVENS[random.nextInt(GIVENS.length)];
            store.professional(family, given, true, random.nextInt(4) != 0, random.nextInt(5) == 0,
                    store.structures.get(i % store.structures.size()).finess(), random);
        }
        return store;
    }

    private void structure(SimStructure structure) {
        structures.add(structure);
        Organization organization = new Organization();
        organization.setId("org-" + structure.finess());
        profiles(organization, "fr-core-organization", "as-dp-organization");
        organization.addIdentifier(identifier("IDNST", "urn:oid:1.2.250.1.71.4.2.2", "1" + structure.finess()));
        organization.addIdentifier(identifier("FINEG", "https://finess.esante.gouv.fr", structure.finess()));
        organization.setActive(true);
        organization.setName(structure.name());
        organization.addAddress().addLine(structure.street()).setCity(structure.city()).setPostalCode(structure.postalCode());
        structure.orgMailboxes().forEach(address -> organization.addTelecom(mailbox(address, "ORG")));
        structure.appMailboxes().forEach(address -> organization.addTelecom(mailbox(address, "APP")));
        organizations.put(structure.finess(), organization);
        services(structure);
    }

    private void professional(String family, String given, boolean active, boolean personal, boolean cabinet, String finess, Random random) {
        String rpps = rpps(random);
        String local = given.toLowerCase(Locale.ROOT).replace('é', 'e') + "." + family.toLowerCase(Locale.ROOT) + "." + rpps.substring(7);
        professional(new SimProfessional(rpps, family, given, active, personal ? local + "@medecin.mssante.fr" : null,
                cabinet ? "cabinet." + rpps.substring(7) + "@medecin.mssante.fr" : null, finess));
    }

    private void professional(SimProfessional professional) {
        String rpps = professional.rpps();
        String finess = professional.structureFiness();
        boolean active = professional.active();
        professionals.add(professional);
        Practitioner practitioner = new Practitioner();
        practitioner.setId("pra-" + rpps);
        profiles(practitioner, "fr-core-practitioner", "as-dp-practitioner");
        practitioner.addIdentifier(identifier("IDNPS", "urn:oid:1.2.250.1.71.4.2.1", "8" + rpps));
        practitioner.addIdentifier(identifier("RPPS", "https://rpps.esante.gouv.fr", rpps));
        practitioner.setActive(active);
        practitioner.addName().setUse(HumanName.NameUse.USUAL).setFamily(professional.family()).addGiven(professional.given());
        if (professional.perMailbox() != null) {
            practitioner.addTelecom(mailbox(professional.perMailbox(), "PER"));
        }
        if (professional.cabMailbox() != null) {
            practitioner.addTelecom(mailbox(professional.cabMailbox(), "CAB"));
        }
        practitioner.addQualification().setCode(new CodeableConcept()
                .addCoding(new Coding(NOS + "TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante", "10", null))
                .addCoding(new Coding(NOS + "TRE_R09-CategorieProfessionnelle/FHIR/TRE-R09-CategorieProfessionnelle", "C", null)));
        // Savoir-faire: the spécialité ordinale (public data put it on the professional, not on the role).
        practitioner.addQualification().setCode(new CodeableConcept()
                .addCoding(new Coding(NOS + "TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale", specialty(finess), null))
                .addCoding(new Coding(NOS + "TRE_R04-TypeSavoirFaire/FHIR/TRE-R04-TypeSavoirFaire", "S", null)));
        practitioners.put(rpps, practitioner);
        PractitionerRole role = new PractitionerRole();
        role.setId("rol-" + rpps);
        profiles(role, "fr-core-practitioner-role", "as-dp-practitionerrole");
        // Identifiant de la situation d'exercice: the RPPS's structure and the professional, as the RPPS builds it.
        role.addIdentifier().setSystem("https://rpps.esante.gouv.fr").setValue("F" + finess + rpps);
        role.setActive(active);
        role.setPractitioner(new Reference("Practitioner/" + practitioner.getIdElement().getIdPart()));
        role.setOrganization(new Reference("Organization/org-" + finess));
        role.addCode(new CodeableConcept(new Coding(NOS + "TRE_R22-GenreActivite/FHIR/TRE-R22-GenreActivite", "GENR01", null)));
        role.addCode(new CodeableConcept(new Coding(NOS + "TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice", practiceMode(finess), null)));
        roles.add(role);
    }

    /** Cardiologists at the hospital, general practitioners (SM26, qualifié en médecine générale) elsewhere. */
    private static String specialty(String finess) {
        return finess.equals("690000013") ? "SM04" : "SM26";
    }

    /** Libéral (L) in a cabinet or a maison de santé, salarié (S) in the hospital, the EHPAD and the SSIAD. */
    private String practiceMode(String finess) {
        String name = organizations.get(finess).getName();
        return name.startsWith("CABINET") || name.startsWith("MAISON DE SANTE") ? "L" : "S";
    }

    /**
     * The services a structure provides (as-dp-healthcareservice-*): the équipement social of an ESMS (FINESS
     * discipline d'équipement) or the authorised activité de soins of a hospital (ARHGOS authorisation number).
     */
    private void services(SimStructure structure) {
        switch (structure.finess()) {
            case "750000010" -> service(structure, "social-equipment", "924", null);   // accueil en EHPAD
            case "330000019" -> service(structure, "social-equipment", "358", null);   // soins infirmiers à domicile
            case "690000013" -> service(structure, "healthcare-activity", "04", "84-0000-" + structure.finess().substring(4));
            default -> { }
        }
    }

    private void service(SimStructure structure, String kind, String code, String authorization) {
        org.hl7.fhir.r4.model.HealthcareService service = new org.hl7.fhir.r4.model.HealthcareService();
        service.setId("hcs-" + structure.finess() + "-" + code);
        service.getMeta().addProfile(ANNUAIRE + "as-dp-healthcareservice-" + kind + IG_VERSION);
        service.setActive(true);
        service.setProvidedBy(new Reference("Organization/org-" + structure.finess()));
        if (authorization != null) {
            service.addIdentifier().setSystem("https://arhgos.ars.sante.fr").setValue(authorization);
            service.addType(new CodeableConcept(new Coding(NOS + SANITARY_ACTIVITY, code, null)));
        } else {
            service.addType(new CodeableConcept(new Coding(NOS + SOCIAL_ACTIVITY, code, null)));
        }
        services.add(service);
    }

    /** An RPPS: 10 digits then the Luhn key, unique in the store. */
    private String rpps(Random random) {
        while (true) {
            String body = "1" + String.format("%09d", random.nextInt(1_000_000_000));
            for (int key = 0; key < 10; key++) {
                String candidate = body + key;
                if (fr.duiconnect.core.model.Professional.isValidRpps(candidate) && !practitioners.containsKey(candidate)) {
                    return candidate;
                }
            }
        }
    }

    private static void profiles(DomainResource resource, String frCore, String annuaire) {
        resource.getMeta().addProfile(FR_CORE + frCore + FR_CORE_VERSION).addProfile(ANNUAIRE + annuaire + IG_VERSION);
    }

    private static Identifier identifier(String type, String system, String value) {
        return new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL).setType(new CodeableConcept(new Coding(V2_0203, type, null)))
                .setSystem(system).setValue(value);
    }

    /** An MSSanté mailbox (as-mailbox-mss): an email contact point of type MSSANTE, its BAL type in the metadata. */
    private static ContactPoint mailbox(String address, String type) {
        ContactPoint point = new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(address);
        point.addExtension(FR_CORE + "fr-core-contact-point-email-type",
                new Coding(NOS + "TRE_R256-TypeMessagerie/FHIR/TRE-R256-TypeMessagerie", "MSSANTE", null));
        Extension metadata = point.addExtension().setUrl(ANNUAIRE + "as-ext-mailbox-mss-metadata");
        metadata.addExtension("type", new CodeableConcept(new Coding(NOS + "TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL", type, null)));
        return point;
    }

    public List<SimProfessional> professionals() {
        return List.copyOf(professionals);
    }

    public List<SimStructure> structures() {
        return List.copyOf(structures);
    }

    Practitioner practitioner(String rpps) {
        return practitioners.get(rpps);
    }

    Organization organization(String finess) {
        return organizations.get(finess);
    }

    List<Practitioner> practitioners() {
        return List.copyOf(practitioners.values());
    }

    List<PractitionerRole> roles() {
        return List.copyOf(roles);
    }

    List<org.hl7.fhir.r4.model.HealthcareService> services() {
        return List.copyOf(services);
    }

    /** Every resource served, for the conformance proof. */
    public List<DomainResource> resources() {
        List<DomainResource> all = new ArrayList<>(practitioners.values());
        all.addAll(organizations.values());
        all.addAll(roles);
        all.addAll(services);
        return all;
    }

    /** Makes a served practitioner non-conformant (no RPPS identifier), so that a test can see the client refuse it. */
    public void corrupt(String rpps) {
        practitioners.get(rpps).getIdentifier().removeIf(i -> "https://rpps.esante.gouv.fr".equals(i.getSystem()));
    }

    static boolean nameMatches(Practitioner practitioner, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        HumanName human = practitioner.getNameFirstRep();
        return human.getFamily().toLowerCase(Locale.ROOT).startsWith(wanted)
                || human.getGiven().stream().map(StringType::getValue).anyMatch(g -> g.toLowerCase(Locale.ROOT).startsWith(wanted));
    }
}
