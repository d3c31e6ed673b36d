package fr.duiconnect.core.eprescription;

/**
 * The code systems of the IG's {@code fr-medication-code} value set (RUIM), plus the cases without one code.
 */
public enum MedicationCodeSystem {
    /** Spécialité pharmaceutique (code CIS). */
    CIS("http://data.esante.gouv.fr/ansm/medicament/SpecialitePharmaceutique"),
    /** Présentation (code CIP13). */
    CIP("http://data.esante.gouv.fr/ansm/medicament/Presentation"),
    /** Unité commune de dispensation. */
    UCD("http://data.esante.gouv.fr/ansm/medicament/UCD"),
    /** Substance (code SMS). */
    SMS("http://data.esante.gouv.fr/ansm/medicament/codeSMS"),
    /** ANSM technical substance code. */
    SUBSTANCE("http://data.esante.gouv.fr/ansm/medicament/substance"),
    /** Virtual medication placeholder used by the IG examples (Medicabase). */
    MEDICABASE("http://BogusSystemMedicabase.com"),
    /** A compound (préparation): several ingredients, no single code. */
    COMPOUND(null),
    /** Only a text. */
    FREE_TEXT(null);

    private final String system;

    MedicationCodeSystem(String system) {
        this.system = system;
    }

    public String system() {
        return system;
    }

    /** The enum of a coding system, or null if it is none of the IG's systems. */
    public static MedicationCodeSystem ofSystem(String system) {
        for (MedicationCodeSystem value : values()) {
            if (value.system != null && value.system.equals(system)) {
                return value;
            }
        }
        return null;
    }
}
