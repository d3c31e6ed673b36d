package fr.duiconnect.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The traits of a person's identity. The INS traits (birth name, first names of the birth certificate, sex,
 * birth date, birth place) are the ones INSi returns; the used name and used first name are managed locally
 * and never sent to INSi.
 *
 * <p>Only structural checks happen here; the INSi character rules live in the {@code ins} module, which refuses
 * (never rewrites) traits that break them.
 *
 * @param birthName       nom de naissance
 * @param firstNames      prénoms de l'acte de naissance, in order; the first is the premier prénom
 * @param usedName        nom utilisé (may be null)
 * @param usedFirstName   prénom utilisé (may be null)
 * @param sex             M or F
 * @param birthDate       date de naissance (for partly unknown dates, the RNIV convention date)
 * @param birthPlaceCog   code officiel géographique of the birth place, 5 characters (99xxx abroad), may be null
 */
public record IdentityTraits(String birthName, List<String> firstNames, String usedName, String usedFirstName,
                             Sex sex, LocalDate birthDate, String birthPlaceCog) {

    public static final String COG_PATTERN = "(\\d{5}|2[AB]\\d{3})";

    public IdentityTraits {
        Require.text(birthName, "birthName");
        firstNames = Require.nonEmpty(firstNames, "firstNames");
        for (int i = 0; i < firstNames.size(); i++) {
            Require.text(firstNames.get(i), "firstNames[" + i + "]");
        }
        Require.present(sex, "sex");
        Require.present(birthDate, "birthDate");
        if (birthPlaceCog != null) {
            Require.matches(birthPlaceCog, COG_PATTERN, "birthPlaceCog", "a 5-character COG code (digits, or 2A/2B then 3 digits)");
        }
    }

    /** Premier prénom de l'acte de naissance. */
    public String firstFirstName() {
        return firstNames.get(0);
    }

    /** The first names as INSi lists them: separated by single spaces. */
    public String firstNamesAsList() {
        return String.join(" ", firstNames);
    }

    public Optional<String> birthPlace() {
        return Optional.ofNullable(birthPlaceCog);
    }
}
