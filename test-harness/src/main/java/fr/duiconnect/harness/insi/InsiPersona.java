package fr.duiconnect.harness.insi;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.fhir.InsPersona;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An identity the simulated INSi knows: the CNDA test personas of shared/specs/ins.md §5.1 (with their matricules,
 * OIDs and INSHISTO as the CNDA fixtures give them) and the residents the other sandbox simulators know.
 *
 * @param history former matricules (INSHISTO), as number+key
 */
public record InsiPersona(String birthName, String firstNames, Sex sex, LocalDate birthDate, String birthPlaceCog,
                          String number, String key, InsKind kind, List<String> history) {

    /**
     * Birth names INSi also finds a persona under. CNDA 2.08 cas 2 queries {@code HERMAN} (SAPA ConformiteTest) while
     * the CNDA fixture TEST_2.08_cas2 returns {@code HERMANN} in TIQ: the client must then report the difference.
     */
    private static final java.util.Map<String, List<String>> ALSO_FOUND_AS = java.util.Map.of("HERMANN", List.of("HERMAN"));

    /** Whether a RECSANSVITALE query's nom de naissance designates this person. */
    boolean acceptsBirthName(String query) {
        return birthName.equals(query) || ALSO_FOUND_AS.getOrDefault(birthName, List.of()).contains(query);
    }

    /** Whether a RECSANSVITALE query's prénom field (one prénom, or several separated by spaces) fits this person. */
    boolean acceptsFirstNames(String query) {
        List<String> known = Arrays.asList(firstNames.split(" "));
        return Arrays.stream(query.trim().split(" +")).allMatch(known::contains);
    }

    private static String keyOf(String number) {
        return Ins.computeKey(number);
    }

    private static InsiPersona nir(String birthName, String firstNames, Sex sex, String date, String cog, String number, String key,
                                   String... history) {
        return new InsiPersona(birthName, firstNames, sex, LocalDate.parse(date), cog, number, key, InsKind.NIR_TEST, List.of(history));
    }

    /** The CNDA personas (OID of test INS-NIR .10 in the sandbox: the CNDA environment answers with its own OIDs). */
    public static List<InsiPersona> all() {
        List<InsiPersona> all = new ArrayList<>(List.of(
                nir("ADRUN", "ZOE", Sex.F, "1975-12-31", "63220", "2751263220749", "74"),
                nir("ADRTROIS", "DOMINIQUE", Sex.F, "1997-02-26", "2A020", "297022A020778", "78"),
                nir("ADRTROIS", "TOUSSAINT", Sex.M, "1960-01-01", "2B020", "160012B020777", "13"),
                nir("CORSE", "ANTHONY", Sex.M, "1980-03-02", "2B020", "180032B020401", "23"),
                nir("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", Sex.M, "2009-07-14", "63220", "1090763220834", "89",
                        "209076322083439", "209066322012355"),
                new InsiPersona("PROVISOIRE", "MATRICULE", Sex.M, LocalDate.parse("2009-07-01"), "63220", "1090763220888", "35",
                        InsKind.NIA, List.of()),
                // CNDA TEST_2.08 cas 2: the key does not follow the formula; INSi output is kept as it is.
                nir("HERMANN", "GATIEN", Sex.M, "1981-03-24", "63220", "1810363220456", "60", "181036322045660", "281036322045610"),
                nir("TCHITCHI", "CATARINA BELLA", Sex.F, "1936-06-21", "63220", "2360663220836", "56"),
                nir("NESSI", "MICHELANGELO ANTHONY", Sex.M, "2010-08-07", "63220", "1100863220830", "60"),
                nir("NESSI", "NATHALIE", Sex.F, "1977-07-14", "63220", "2770763220829", "10"),
                // CNDA 2.06: two DE VINCI LEONARDO born the same day; only the birth place tells them apart.
                // Their matricules are not published: these are the sandbox's own.
                nir("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", "63220", "1140263220101", keyOf("1140263220101")),
                nir("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", "99127", "1140299127102", keyOf("1140299127102")),
                nir("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", Sex.M, "2001-06-17", "63220", "1010663220103", keyOf("1010663220103"))));
        // HOUILLES PIERRE PAUL JACQUES (CNDA 2.07 cas 2) is deliberately absent: every search answers 01.
        for (InsPersona resident : InsPersona.ALL) {
            String matricule = resident.matricule();
            all.add(new InsiPersona(resident.birthName(), String.join(" ", resident.firstNames()), resident.sex(), resident.birthDate(),
                    resident.birthPlaceCog(), matricule.substring(0, 13), matricule.substring(13), InsKind.NIR, List.of()));
        }
        return List.copyOf(all);
    }
}
