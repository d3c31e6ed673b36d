package fr.duiconnect.core.model;

import fr.duiconnect.core.error.InvalidInputException;

/**
 * The assigning authority of an INS matricule (Référentiel INS, FR Core Patient INS slices).
 * Test and demo OIDs are for the CNDA / qualification environments only; which one a deployment uses is configuration.
 */
public enum InsKind {
    NIR("1.2.250.1.213.1.4.8", "INS-NIR"),
    NIA("1.2.250.1.213.1.4.9", "INS-NIA"),
    NIR_TEST("1.2.250.1.213.1.4.10", "INS-NIR de test"),
    NIR_DEMO("1.2.250.1.213.1.4.11", "INS-NIR de démonstration");

    private final String oid;
    private final String label;

    InsKind(String oid, String label) {
        this.oid = oid;
        this.label = label;
    }

    public String oid() { return oid; }

    public String label() { return label; }

    public static InsKind fromOid(String oid) {
        for (InsKind kind : values()) {
            if (kind.oid.equals(oid)) {
                return kind;
            }
        }
        throw InvalidInputException.format("ins.oid", "one of the INS assigning authority OIDs 1.2.250.1.213.1.4.8, .9, .10 or .11");
    }
}
