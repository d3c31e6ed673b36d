package fr.duiconnect.harness.insi;

import fr.duiconnect.core.ins.FormerIns;
import fr.duiconnect.core.ins.InsiTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The CNDA / INSi test-platform personas of spec ins.md §5.1, with the published answers. Personas the spec lists as
 * "request only" (ADRDEUX, PATB-QUATRE, D'ARTAGNAN) and HOUILLES are absent on purpose: the platform answers 01.
 * DE VINCI LEONARDO's matricules are not published: two homonyms (same traits, different COG) are invented here
 * with valid keys so that the query without COG answers 02 and with 63220 answers 00 (CNDA 2.06).
 */
public final class CndaPersonas {

    private CndaPersonas() {
    }

    public static List<CndaPersona> all() {
        return List.of(
                persona("ADRUN", "ZOE", "F", "1975-12-31", "63220", nir("2751263220749", "74"), List.of(), "padoa README"),
                persona("ADRTROIS", "DOMINIQUE", "F", "1997-02-26", "2A020", nir("297022A020778", "78"), List.of(), "padoa adrtrois-dominique"),
                persona("ADRTROIS", "TOUSSAINT", "M", "1960-01-01", "2B020", nir("160012B020777", "13"), List.of(), "padoa adrtrois-toussaint; CNDA 2.03 cas 2"),
                persona("CORSE", "ANTHONY", "M", "1980-03-02", "2B020", nir("180032B020401", "23"),
                        List.of(new FormerIns(nir("180032B020401", "23"), null, null)), "CNDA TEST_2.08_cas1"),
                persona("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", "M", "2009-07-14", "63220", nir("1090763220834", "89"),
                        List.of(new FormerIns(nir("2090763220834", "39"), LocalDate.of(2019, 3, 1), LocalDate.of(2019, 2, 28)),
                                new FormerIns(nir("2090663220123", "55"), null, null)), "CNDA TEST_2.04_cas2"),
                persona("PROVISOIRE", "MATRICULE", "M", "2009-07-01", "63220",
                        Ins.asReturnedByInsi("1090763220888", "35", InsKind.NIA), List.of(), "CNDA TEST_2.05 (NIA)"),
                new CndaPersona(Set.of("HERMANN", "HERMAN"), traits("HERMANN", "GATIEN", "M", "1981-03-24", "63220"),
                        Ins.asReturnedByInsi("1810363220456", "60", InsKind.NIR),
                        List.of(new FormerIns(Ins.asReturnedByInsi("1810363220456", "60", InsKind.NIR), null, null),
                                new FormerIns(Ins.asReturnedByInsi("2810363220456", "10", InsKind.NIR), null, null)),
                        "CNDA TEST_2.08_cas2 (keys do not verify, as published)"),
                persona("TCHITCHI", "CATARINA BELLA", "F", "1936-06-21", "63220", nir("2360663220836", "56"), List.of(), "padoa tchitchi-ola-catarina; CNDA 2.07 cas 1"),
                persona("NESSI", "MICHELANGELO ANTHONY", "M", "2010-08-07", "63220", nir("1100863220830", "60"), List.of(), "padoa NessiMichelangelo"),
                persona("NESSI", "NATHALIE", "F", "1977-07-14", "63220", nir("2770763220829", "10"), List.of(), "CNDA TEST_3.05_cas3"),
                persona("DE VINCI", "LEONARDO", "M", "2014-02-01", "63220", computed("1140263220101"), List.of(), "simulator (CNDA 2.06: homonym 1)"),
                persona("DE VINCI", "LEONARDO", "M", "2014-02-01", "75056", computed("1140275056102"), List.of(), "simulator (CNDA 2.06: homonym 2)"));
    }

    private static CndaPersona persona(String name, String prenoms, String sex, String date, String cog, Ins active,
                                       List<FormerIns> history, String source) {
        return new CndaPersona(Set.of(name), traits(name, prenoms, sex, date, cog), active, history, source);
    }

    private static InsiTraits traits(String name, String prenoms, String sex, String date, String cog) {
        return new InsiTraits(name, prenoms, prenoms.split(" ")[0], sex, date, cog);
    }

    private static Ins nir(String number, String key) {
        return Ins.of(number, key, InsKind.NIR);
    }

    private static Ins computed(String number) {
        return Ins.of(number, Ins.computeKey(number), InsKind.NIR);
    }
}
