package fr.duiconnect.harness.insi;

import java.util.List;

/**
 * Every CNDA / INSi test-environment persona of shared/specs/ins.md §5.1, with their published matricules.
 * HOUILLES, ADRDEUX and PATB-QUATRE are deliberately absent: INSi finds nobody (01). D'ÆION CŒUR never reaches INSi.
 */
public final class InsiPersonas {

    private InsiPersonas() { }

    private static InsiPersona p(String nom, String prenoms, String sex, String date, String cog, String number, String key,
                                 String oid, String... history) {
        return new InsiPersona(List.of(nom), List.of(prenoms.split(" ")), sex, date, cog, number, key, oid, List.of(history), true);
    }

    public static final List<InsiPersona> CNDA = List.of(
            p("ADRUN", "ZOE", "F", "1975-12-31", "63220", "2751263220749", "74", InsiPersona.NIR),
            p("ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "2A020", "297022A020778", "78", InsiPersona.NIR),
            p("ADRTROIS", "TOUSSAINT", "M", "1960-01-01", "2B020", "160012B020777", "13", InsiPersona.NIR),
            p("CORSE", "ANTHONY", "M", "1980-03-02", "2B020", "180032B020401", "23", InsiPersona.NIR),
            p("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63220", "1090763220834", "89", InsiPersona.NIR,
                    "2090763220834/39", "2090663220123/55"),
            p("PROVISOIRE", "MATRICULE", "M", "2009-07-01", "63220", "1090763220888", "35", InsiPersona.NIA),
            new InsiPersona(List.of("HERMANN", "HERMAN"), List.of("GATIEN"), "M", "1981-03-24", "63220", "1810363220456", "60",
                    InsiPersona.NIR, List.of("1810363220456/60", "2810363220456/10"), true),
            p("TCHITCHI", "CATARINA BELLA", "F", "1936-06-21", "63220", "2360663220836", "56", InsiPersona.NIR),
            p("NESSI", "MICHELANGELO ANTHONY", "M", "2010-08-07", "63220", "1100863220830", "60", InsiPersona.NIR),
            p("NESSI", "NATHALIE", "F", "1977-07-14", "63220", "2770763220829", "10", InsiPersona.NIR),
            // CNDA 2.06: two LEONARDO DE VINCI born the same day, told apart by the birth place. Matricules not published:
            // chosen here with valid keys.
            new InsiPersona(List.of("DE VINCI"), List.of("LEONARDO"), "M", "2014-02-01", "63220", "1140263220517", "81",
                    InsiPersona.NIR, List.of(), false),
            new InsiPersona(List.of("DE VINCI"), List.of("LEONARDO"), "M", "2014-02-01", "99127", "1140299127034", "54",
                    InsiPersona.NIR, List.of(), false),
            // CNDA 2.03 cas 1: result not reliably published; a matricule with a valid key is chosen here.
            new InsiPersona(List.of("D'ARTAGNAN DE L'HERAULT"), List.of("PIERRE-ALAIN"), "M", "2001-06-17", "63220",
                    "1010663220412", "14", InsiPersona.NIR, List.of(), false));
}
