package fr.duiconnect.harness.insi;

import java.util.List;

/**
 * One identity the simulated INSi knows.
 *
 * @param birthNames  nom(s) de naissance INSi matches (HERMANN is also found as HERMAN, CNDA 2.08 cas 2); the first is returned
 * @param firstNames  ListePrenom returned in TIQ
 * @param history     INSHISTO as "number/key"
 * @param published   whether the matricule is the published CNDA one; false when the public sources do not give it and the
 *                    simulator had to choose one (DE VINCI, D'ARTAGNAN)
 */
public record InsiPersona(List<String> birthNames, List<String> firstNames, String sex, String birthDate, String cog,
                          String number, String key, String oid, List<String> history, boolean published) {

    static final String NIR = "1.2.250.1.213.1.4.8";
    static final String NIA = "1.2.250.1.213.1.4.9";

    public String birthName() {
        return birthNames.get(0);
    }

    /** INSi's matching is not public: here every requested prénom must be one of the persona's, name, sex and date equal, COG when given. */
    boolean matches(String nom, List<String> prenoms, String sexe, String date, String lieu) {
        return birthNames.contains(nom) && sex.equals(sexe) && birthDate.equals(date)
                && !prenoms.isEmpty() && firstNames.containsAll(prenoms)
                && (lieu == null || lieu.equals(cog));
    }
}
