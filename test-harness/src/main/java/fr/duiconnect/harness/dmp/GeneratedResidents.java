package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.dmp.content.AdvanceDirectives;
import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.BmrStatus;
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of the residents and liaison letters a DUI may hand over: optional sections present or absent,
 * 0 to 40 treatments coded in every way (none, CIS, ATC, CIP, UCD, and combinations), accented, punctuation-heavy
 * and emoji names and words, every checklist item, PDFs attached or not, codes with or without display names — and,
 * a few times in a hundred, what a DUI gets wrong (dates before birth or in the future, a missing birth place, a
 * control character pasted from a word processor, a code outside its value set). The same seed gives the same
 * sequence. Values a record constructor refuses are the caller's to count: they are refusals too. Used by the tests
 * and by {@code dui-connect bench dlu-refresh} (a nightly refresh of generated residents).
 */
public final class GeneratedResidents {

    static final String CIS = "1.2.250.1.213.2.3.1";
    static final String CIP = "1.2.250.1.213.2.3.2";
    static final String UCD = "1.2.250.1.213.2.3.3";
    static final String ATC = "2.16.840.1.113883.6.73";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static final String[] BIRTH_NAMES = {"MARTIN", "D'ALEMBERT-LEFÈVRE", "N'DIAYE", "LE GOFF", "ÉLUARD", "MÜLLER",
            "DE LA FONTAINE", "O'NEILL", "ŒUVRARD", "ÇA-VA", "NGUYỄN", "BÂTARD--DOUBLE", "X", "Ab & Co <test>"};
    private static final String[] FIRST_NAMES = {"JEAN", "MARIE-THÉRÈSE", "ÉLOÏSE", "JOSÉ", "ANNE MARIE", "ZOË", "AÏCHA", "JEAN-ÉDOUARD",
            "CHLOÉ 😀", "L'ÉMILIE"};
    private static final String[] WORDS = {"Résidente malentendante", "parler face à elle", "Prothèse <droite> & lunettes",
            "« chute » le 12/11 ; voir dossier", "😀 aime la musique 🎵", "100 % autonome ? non", "a\tb", "ligne 1\nligne 2",
            "“guillemets” — tiret", "C:\\chemin\\doc", "^|~&\\ séparateurs HL7", "x".repeat(300)};
    private static final String[] FACILITY = {"SA17", "SA16", "SA41"};
    private static final String[] FACILITY_NAMES = {"Etablissement pour personnes âgées", "Etablissement pour personnes handicapées",
            "Autre établissement du domaine social ou médico-social"};
    private static final String[] PRACTICE = {"ESSMS", "ETABLISSEMENT", "MAD", "SAD"};
    private static final Code[] PROFESSIONS = {
            new Code("G15_10/SM26", "1.2.250.1.213.1.1.4.5", ""), new Code("G15_10", "1.2.250.1.213.1.1.4.5", "Médecin"),
            new Code("G15_60", "1.2.250.1.213.1.1.4.5", ""), new Code("41", "1.2.250.1.213.1.6.1.4", ""),
            new Code("326", "1.2.250.1.213.1.6.1.107", "Educateur spécialisé"), new Code("328", "1.2.250.1.213.1.6.1.107", "")};
    private static final String[] RELATIONSHIPS = RelatedPerson.RELATIONSHIPS.keySet().stream().sorted().toArray(String[]::new);
    private static final String[] CIM10 = {"J41.0", "I50.0", "E11", "F03", "G30.9", "M81.9", "N18.3", "I10"};
    private static final String[] CONTROL = {"\u0007", "\u000B", "\u0002", "\u001F", "\uFFFE"};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final Random random;
    private final String finess;
    /** Whether the input being generated carries DUI mistakes (about a third do): each mistake then has its own chance. */
    private boolean faulty;

    public GeneratedResidents(long seed, String finess) {
        this.random = new Random(seed);
        this.finess = finess;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T any(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private boolean mistake(int percent) {
        return faulty && chance(percent);
    }

    /** Free text, now and then with a character XML cannot carry. */
    private String text(String base) {
        return mistake(2) ? base + any(CONTROL) : base;
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    /** A date of the resident's life, or (rarely) one before their birth or in the future. */
    private LocalDate lifeDate(LocalDate birth) {
        if (mistake(2)) {
            return birth.minusDays(1 + random.nextInt(3000));
        }
        if (mistake(2)) {
            return TODAY.plusDays(1 + random.nextInt(3000));
        }
        return between(birth, TODAY);
    }

    PersonIdentity person() {
        Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
        LocalDate birth = between(LocalDate.of(1915, 1, 1), LocalDate.of(1975, 12, 31));
        String number = (sex == Sex.M ? "1" : "2") + String.format("%02d%02d", birth.getYear() % 100, birth.getMonthValue())
                + String.format("%02d", 1 + random.nextInt(95)) + String.format("%03d", 1 + random.nextInt(900))
                + String.format("%03d", 1 + random.nextInt(999));
        Ins ins = Ins.of(number, Ins.computeKey(number), InsKind.NIR_TEST);
        List<String> firstNames = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            firstNames.add(text(any(FIRST_NAMES)));
        }
        String cog = mistake(10) ? null : chance(10) ? "2A" + String.format("%03d", random.nextInt(1000)) : String.format("%05d", 1000 + random.nextInt(95000));
        IdentityTraits traits = new IdentityTraits(text(any(BIRTH_NAMES)), firstNames, chance(30) ? any(BIRTH_NAMES) : null,
                chance(30) ? any(FIRST_NAMES) : null, sex, birth, cog);
        return new PersonIdentity("IPP-" + number, traits, ins, IdentityStatus.QUAL, java.util.Set.of());
    }

    private PostalAddress address() {
        return new PostalAddress(text(chance(50) ? (1 + random.nextInt(200)) + (chance(20) ? " bis" : "") + " rue de l'Église" : "Lieu-dit « Les Prés »"),
                String.format("%05d", 1000 + random.nextInt(95000)), any(new String[] {"PARIS", "SAINT-ÉTIENNE", "L'HAŸ-LES-ROSES", "Cœuvres"}));
    }

    private String phone() {
        return chance(70) ? "0" + (1 + random.nextInt(7)) + String.format("%08d", random.nextInt(100_000_000)) : null;
    }

    Establishment establishment() {
        int kind = random.nextInt(FACILITY.length);
        String facility = mistake(5) ? "SA99" : FACILITY[kind];
        Code facilityCode = new Code(facility, "1.2.250.1.71.4.2.4", chance(50) ? FACILITY_NAMES[kind] : null);
        Code practice = new Code(any(PRACTICE), "1.2.250.1.213.1.1.4.9", null);
        String name = text(any(new String[] {"EHPAD LES TILLEULS", "Résidence A & B", "MAS « Les Cèdres »", "Foyer d'accueil <médicalisé>",
                "Résidence 😀 du Parc", "SSIAD ^Nord|Sud~"}));
        return new Establishment(new Structure(Finess.of(finess), null, name, facilityCode, practice), address(), phone());
    }

    CareProfessional professional() {
        ProfessionalIdKind kind = chance(70) ? ProfessionalIdKind.RPPS : chance(50) ? ProfessionalIdKind.ADELI : ProfessionalIdKind.STRUCTURE_INTERNAL;
        String id = switch (kind) {
            case RPPS -> rpps();
            case ADELI -> String.format("%09d", random.nextInt(1_000_000_000));
            case STRUCTURE_INTERNAL -> finess + "/IDE" + random.nextInt(1000);
        };
        Code profession = chance(80) ? any(PROFESSIONS) : null;
        return new CareProfessional(new Professional(kind, id, text(any(BIRTH_NAMES)), chance(90) ? any(FIRST_NAMES) : null, profession, null),
                chance(50) ? address() : null, phone());
    }

    private String rpps() {
        String body = "1" + String.format("%09d", random.nextInt(1_000_000_000));
        for (int check = 0; check < 10; check++) {
            if (Professional.isValidRpps(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no RPPS check digit for " + body);
    }

    private RelatedPerson related() {
        return chance(50) ? null : new RelatedPerson(text(any(BIRTH_NAMES)), chance(70) ? any(FIRST_NAMES) : null,
                chance(80) ? any(RELATIONSHIPS) : null, phone());
    }

    /** Every way a DUI codes a product: none, CIS, ATC, CIP, UCD, and CIS or CIP with other codings. */
    private List<Code> codings(String name) {
        String cis = String.valueOf(60_000_000 + random.nextInt(9_999_999));
        Code atc = new Code(any(new String[] {"N02BE01", "C03CA01", "B01AC06", "J07BB02"}), ATC, chance(50) ? "classe ATC" : null);
        Code cip = new Code("34009" + String.format("%08d", random.nextInt(100_000_000)), CIP, chance(50) ? name : null);
        Code ucd = new Code("34008" + String.format("%08d", random.nextInt(100_000_000)), UCD, null);
        return switch (random.nextInt(9)) {
            case 0 -> List.of();
            case 1 -> List.of(new Code(cis, CIS, null));
            case 2 -> List.of(atc);
            case 3 -> List.of(cip);
            case 4 -> List.of(ucd);
            case 5 -> List.of(new Code(cis, CIS, name), atc);
            case 6 -> List.of(cip, ucd, atc);
            case 7 -> List.of(atc, new Code(cis, CIS, null), cip);
            default -> mistake(20) ? List.of(new Code(cis, CIS, null), new Code(cis + "1", CIS, null)) : List.of(cip, atc);
        };
    }

    private Treatment treatment(LocalDate birth) {
        String name = text(any(new String[] {"FUROSEMIDE 40 mg, comprimé sécable", "DOLIPRANE 500 mg", "Crème émolliente",
                "KARDEGIC 75 mg (à jeun)", "Insuline « rapide » 😀", "Vitamine D3 100 000 UI/2 ml"}));
        List<Code> codings = codings(name);
        LocalDate start = chance(70) ? lifeDate(birth) : null;
        LocalDate end = start != null && chance(30) ? (mistake(5) ? start.minusDays(5) : start.plusDays(random.nextInt(400))) : null;
        BigDecimal dose = chance(60) ? BigDecimal.valueOf(1 + random.nextInt(40), random.nextInt(2)) : null;
        return new Treatment(name, codings.isEmpty() ? null : codings.get(0), start, end, dose,
                dose == null ? null : any(new String[] {"{comprimé}", "mg", "mL", "[iU]", "{goutte}"}),
                chance(60) ? any(new Integer[] {1, 2, 3, 4, 6, 5}) : null, chance(60) ? text(any(WORDS)) : null,
                codings.size() > 1 ? codings.subList(1, codings.size()) : List.of());
    }

    public ResidentRecord resident() {
        faulty = chance(30);
        PersonIdentity person = person();
        LocalDate birth = person.traits().birthDate();
        ResidentRecord.Builder builder = ResidentRecord.builder(person, establishment(), professional())
                .address(chance(60) ? address() : null)
                .admittedOn(chance(80) ? lifeDate(birth) : null)
                .trustedPerson(related()).emergencyContact(related());
        if (!mistake(10)) {
            builder.attendingPhysician(professional());
        }
        if (chance(50)) {
            builder.preferredFacility(new PreferredFacility(chance(50) ? Finess.of("750100018") : null, text("HÔPITAL SAINT-ANTOINE & Cie"),
                    chance(70) ? address() : null, phone()));
        }
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            builder.pathology(new Pathology(any(CIM10), text(any(WORDS)), chance(60) ? lifeDate(birth) : null));
        }
        for (int i = 0, n = random.nextInt(5); i < n; i++) {
            LocalDate since = chance(60) ? lifeDate(birth) : null;
            builder.allergy(new Allergy(any(Allergy.AllergyKind.values()), text(any(WORDS)), since,
                    since != null && chance(30) ? since.plusDays(random.nextInt(300)) : null));
        }
        int treatments = chance(10) ? 40 : random.nextInt(41);
        for (int i = 0; i < treatments; i++) {
            builder.treatment(treatment(birth));
        }
        if (chance(70)) {
            builder.advanceDirectives(new AdvanceDirectives(random.nextBoolean(), chance(50) ? text(any(WORDS)) : null, random.nextBoolean()));
        }
        if (chance(80)) {
            builder.bmr(any(BmrStatus.values()), chance(30) ? text(any(WORDS)) : null);
        }
        for (PatientObservation observation : PatientObservation.values()) {
            if (chance(50)) {
                builder.observation(observation, random.nextBoolean());
            }
        }
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            List<Code> codings = codings("Vaccin");
            builder.vaccination(new Vaccination(text(any(new String[] {"VAXIGRIPTETRA", "Tétanos", "Pneumo 23 — rappel", "COVID-19 😷"})),
                    codings.isEmpty() ? null : codings.get(0), chance(70) ? lifeDate(birth) : null, chance(50) ? "LOT-" + random.nextInt(99999) : null,
                    codings.size() > 1 ? codings.subList(1, codings.size()) : List.of()));
        }
        for (ChecklistItem item : ChecklistItem.values()) {
            switch (random.nextInt(5)) {
                case 0 -> builder.attachedDocument(AttachedDocument.pdf(item, PDF));
                case 1 -> builder.attachedDocument(AttachedDocument.onPaper(item));
                case 2 -> builder.attachedDocument(AttachedDocument.notAttached(item));
                default -> { }
            }
        }
        builder.comment(chance(60) ? text(any(WORDS)) : null);
        return builder.build();
    }

    LiaisonLetter letter() {
        faulty = chance(30);
        PersonIdentity person = person();
        LocalDate birth = person.traits().birthDate();
        LiaisonLetter.LiaisonLetterKind kind = random.nextBoolean() ? LiaisonLetter.LiaisonLetterKind.ENTREE : LiaisonLetter.LiaisonLetterKind.SORTIE;
        LocalDate start = chance(80) ? lifeDate(birth) : null;
        LocalDate end = kind == LiaisonLetter.LiaisonLetterKind.SORTIE && start != null ? start.plusDays(random.nextInt(2000)) : null;
        if (end != null && end.isAfter(TODAY) && !chance(5)) {
            end = TODAY;
        }
        return new LiaisonLetter(kind, person, chance(60) ? address() : null, establishment(), professional(), chance(70) ? professional() : null,
                chance(50) ? text(any(new String[] {"Lettre de liaison d'entrée", "Sortie — retour à domicile 😀", "Lettre <MAS> & foyer"})) : null,
                start, end, PDF);
    }
}
