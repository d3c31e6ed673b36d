package fr.duiconnect.core.model;

/**
 * How a professional is identified; the prefix is the first character of the PSIdNat (ANS Annuaire santé,
 * PDSM4DMP PSIdNat): 8 + RPPS, 0 + ADELI, 3 + FINESS/internal id for staff without a national id.
 */
public enum ProfessionalIdKind {
    RPPS("8"),
    ADELI("0"),
    STRUCTURE_INTERNAL("3");

    private final String nationalIdPrefix;

    ProfessionalIdKind(String nationalIdPrefix) {
        this.nationalIdPrefix = nationalIdPrefix;
    }

    public String nationalIdPrefix() { return nationalIdPrefix; }
}
