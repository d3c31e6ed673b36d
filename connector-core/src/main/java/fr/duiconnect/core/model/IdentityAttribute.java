package fr.duiconnect.core.model;

/**
 * Attributes an identity may carry besides its status (RNIV 1 v2.0 §3.2.3; FR Core
 * fr-core-cs-identity-status-comment, same codes as HL7 v2 table 0445).
 */
public enum IdentityAttribute {
    /** Identité douteuse: the identity stays PROV and is never sent to INSi. */
    DOUT("Identité douteuse"),
    /** Identité fictive: the identity stays PROV and is never sent to INSi. */
    FICT("Identité fictive"),
    /** Homonyme avéré: compatible with every status. */
    HOMA("Homonyme avéré"),
    /** Homonyme détecté. */
    HOMD("Homonyme détecté");

    private final String label;

    IdentityAttribute(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** Douteuse and fictive forbid INSi calls, any status but PROV, and sharing the INS. */
    public boolean forbidsQualification() {
        return this == DOUT || this == FICT;
    }
}
