package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Require;

import java.time.LocalDate;

/**
 * An allergy or intolerance, with its agent in plain words (the DUI rarely holds a coded agent).
 *
 * @param since may be null
 * @param until may be null (still present)
 */
public record Allergy(AllergyKind kind, String agent, LocalDate since, LocalDate until) {

    public Allergy {
        Require.present(kind, "allergy.kind");
        Require.text(agent, "allergy.agent");
    }

    /** The kind of reaction, as the IHE allergy observation codes it (SNOMED CT). */
    public enum AllergyKind {
        DRUG("416098002", "allergie médicamenteuse"),
        FOOD("414285001", "allergie alimentaire"),
        /** Allergy to another substance (latex, pollen...). */
        OTHER("419199007", "allergie à une substance");

        private final String snomed;
        private final String displayName;

        AllergyKind(String snomed, String displayName) {
            this.snomed = snomed;
            this.displayName = displayName;
        }

        public String snomed() {
            return snomed;
        }

        public String displayName() {
            return displayName;
        }
    }
}
