package fr.duiconnect.dmp.document;

import fr.duiconnect.core.dmp.content.AdvanceDirectives;
import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.BmrStatus;
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.Pathology;
import fr.duiconnect.core.dmp.content.PatientObservation;
import fr.duiconnect.core.dmp.content.PostalAddress;
import fr.duiconnect.core.dmp.content.PreferredFacility;
import fr.duiconnect.core.dmp.content.RelatedPerson;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.dmp.content.Vaccination;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.model.Structure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Residents of a test EHPAD, from the fullest record to the barest one the DLU accepts. */
final class Residents {

    static final String FINESS = "750000010";
    static final Code SA17 = new Code("SA17", "1.2.250.1.71.4.2.4", "Etablissement pour personnes âgées");
    static final Code ETABLISSEMENT = new Code("ETABLISSEMENT", "1.2.250.1.213.1.1.4.9", "Etablissement de santé");
    static final Code MEDECIN_GENERALISTE = new Code("G15_10/SM26", "1.2.250.1.213.1.1.4.5", "Médecin - Qualifié en Médecine Générale (SM)");

    static final Establishment EHPAD = new Establishment(new Structure(Finess.of(FINESS), null, "EHPAD LES TILLEULS", SA17, ETABLISSEMENT),
            new PostalAddress("12 rue des Tilleuls", "75012", "PARIS"), "0144556677");
    static final CareProfessional COORDINATOR = new CareProfessional(new Professional(ProfessionalIdKind.RPPS, rpps("1000123456"),
            "BERTRAND", "Hélène", MEDECIN_GENERALISTE, null), EHPAD.address(), "0144556678");
    static final CareProfessional ATTENDING = new CareProfessional(new Professional(ProfessionalIdKind.RPPS, rpps("1000654321"),
            "MEDIONI", "Stéphane", MEDECIN_GENERALISTE, null), new PostalAddress("3 rue du Petit Pont", "75005", "PARIS"), "0147150000");

    private Residents() {
    }

    /** A qualified identity with a test INS-NIR (the kit's patient). */
    static PersonIdentity qualified(String number, String birthName, List<String> firstNames, String usedName, String usedFirstName,
                                    Sex sex, LocalDate birthDate) {
        Ins ins = Ins.of(number, Ins.computeKey(number), InsKind.NIR_TEST);
        return new PersonIdentity("IPP-" + number, new IdentityTraits(birthName, firstNames, usedName, usedFirstName, sex, birthDate, "51215"),
                ins, IdentityStatus.QUAL, Set.of());
    }

    static final PersonIdentity DOMINIQUE = qualified("2790351215189", "PAT-TROIS", List.of("DOMINIQUE", "MARIE-LOUISE"), null, null,
            Sex.F, LocalDate.of(1939, 3, 28));

    /** Every section filled, as on the kit's example. */
    static ResidentRecord full() {
        return ResidentRecord.builder(DOMINIQUE, EHPAD, COORDINATOR)
                .address(EHPAD.address())
                .admittedOn(LocalDate.of(2021, 9, 1))
                .attendingPhysician(ATTENDING)
                .trustedPerson(new RelatedPerson("NESSI", "Sophie", "SIS", "0647150100"))
                .emergencyContact(new RelatedPerson("NESSI", "Jeanne", "DAU", "0647150200"))
                .preferredFacility(new PreferredFacility(Finess.of("750100018"), "HÔPITAL SAINT-ANTOINE",
                        new PostalAddress("184 rue du Faubourg Saint-Antoine", "75012", "PARIS"), "0149282000"))
                .pathology(new Pathology("J41.0", "Bronchite chronique simple", LocalDate.of(2020, 3, 27)))
                .pathology(new Pathology("I50.0", "Insuffisance cardiaque congestive", null))
                .allergy(new Allergy(Allergy.AllergyKind.DRUG, "Paracétamol", LocalDate.of(2014, 1, 7), null))
                .allergy(new Allergy(Allergy.AllergyKind.FOOD, "Crustacés", LocalDate.of(2019, 6, 30), LocalDate.of(2019, 7, 17)))
                .treatment(new Treatment("FUROSEMIDE 40 mg, comprimé sécable", new Code("60234100", "1.2.250.1.213.2.3.1", null),
                        LocalDate.of(2024, 1, 10), null, BigDecimal.ONE, "{comprimé}", 1, "le matin"))
                .treatment(Treatment.of("Crème émolliente", "application locale matin et soir"))
                .advanceDirectives(new AdvanceDirectives(true, "copie jointe au dossier", false))
                .bmr(BmrStatus.NOT_CARRIER, null)
                .observation(PatientObservation.PEUT_ALERTER, true)
                .observation(PatientObservation.DESORIENTE, false)
                .observation(PatientObservation.DEFICIT_AUDITIF, true)
                .observation(PatientObservation.CHUTE, true)
                .observation(PatientObservation.RISQUE_FAUSSE_ROUTE, false)
                .vaccination(new Vaccination("VAXIGRIPTETRA, suspension injectable", new Code("61402736", "1.2.250.1.213.2.3.1", null),
                        LocalDate.of(2025, 10, 15), "0076543"))
                .vaccination(new Vaccination("Tétanos", null, null, null))
                .attachedDocument(AttachedDocument.pdf(ChecklistItem.CARTE_VITALE, pdf("Attestation de droits")))
                .attachedDocument(AttachedDocument.onPaper(ChecklistItem.ORDONNANCES))
                .attachedDocument(AttachedDocument.notAttached(ChecklistItem.GRILLE_AGGIR))
                .comment("Résidente malentendante : parler face à elle. Prothèse auditive droite <à ne pas oublier> & lunettes.")
                .build();
    }

    /** Only what the volet requires: every optional section absent, the mandatory ones saying "none". */
    static ResidentRecord minimal() {
        PersonIdentity person = qualified("1350575112345", "MARTIN", List.of("JEAN"), null, null, Sex.M, LocalDate.of(1935, 5, 12));
        return ResidentRecord.builder(person, EHPAD, COORDINATOR).attendingPhysician(ATTENDING).build();
    }

    /** A resident on many treatments, the common case in an EHPAD. */
    static ResidentRecord manyTreatments(int count) {
        ResidentRecord.Builder builder = ResidentRecord.builder(DOMINIQUE, EHPAD, COORDINATOR).attendingPhysician(ATTENDING);
        for (int i = 0; i < count; i++) {
            builder.treatment(new Treatment("MEDICAMENT " + (i + 1) + " 10 mg, comprimé", null, LocalDate.of(2025, 1, 1).plusDays(i),
                    i % 3 == 0 ? LocalDate.of(2026, 12, 31) : null, BigDecimal.valueOf(i % 4 + 1, i % 2), "{comprimé}", i % 4 + 1, null));
        }
        return builder.build();
    }

    /** Accents, apostrophes and hyphens in the used names, the people and the clinical words. */
    static ResidentRecord accented() {
        PersonIdentity person = qualified("2450899351234", "D'ALEMBERT-LEFEVRE", List.of("MARIE-THERESE", "ELOISE"), "Lefèvre",
                "Marie-Thérèse", Sex.F, LocalDate.of(1945, 8, 2));
        return ResidentRecord.builder(person, EHPAD, COORDINATOR).attendingPhysician(ATTENDING)
                .trustedPerson(new RelatedPerson("LEFÈVRE", "Éloïse", "DAU", null))
                .pathology(new Pathology("F03", "Démence, sans précision — maladie d'Alzheimer probable", LocalDate.of(2019, 2, 1)))
                .allergy(new Allergy(Allergy.AllergyKind.OTHER, "Latex (gants), œdème de Quincke", null, null))
                .bmr(BmrStatus.CARRIER, "SARM, portage nasal — précautions contact")
                .observation(PatientObservation.DEAMBULATION, true)
                .observation(PatientObservation.FUGUE, true)
                .comment("« Très anxieuse la nuit » ; préfère qu'on l'appelle Thérèse.")
                .build();
    }

    static byte[] pdf(String words) {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% " + words
                + "\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An RPPS: the 10 given digits and their Luhn check digit. */
    static String rpps(String first10) {
        for (int check = 0; check <= 9; check++) {
            if (Professional.isValidRpps(first10 + check)) {
                return first10 + check;
            }
        }
        throw new IllegalArgumentException(first10);
    }
}
