package fr.duiconnect.core.model;

/**
 * The four exclusive RNIV statuses of confidence of a digital identity (RNIV EXI SI 07; FR Core
 * fr-core-cs-identity-status). They cross two criteria: traits retrieved through INSi, and a coherence check
 * against a high-trust identity document.
 */
public enum IdentityStatus {
    PROV("Identité provisoire", false, false),
    RECUP("Identité récupérée", true, false),
    VALI("Identité validée", false, true),
    QUAL("Identité qualifiée", true, true);

    private final String label;
    private final boolean retrievedFromInsi;
    private final boolean checkedAgainstDocument;

    IdentityStatus(String label, boolean retrievedFromInsi, boolean checkedAgainstDocument) {
        this.label = label;
        this.retrievedFromInsi = retrievedFromInsi;
        this.checkedAgainstDocument = checkedAgainstDocument;
    }

    public String label() { return label; }

    public boolean retrievedFromInsi() { return retrievedFromInsi; }

    public boolean checkedAgainstDocument() { return checkedAgainstDocument; }

    public static IdentityStatus of(boolean retrievedFromInsi, boolean checkedAgainstDocument) {
        for (IdentityStatus status : values()) {
            if (status.retrievedFromInsi == retrievedFromInsi && status.checkedAgainstDocument == checkedAgainstDocument) {
                return status;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
