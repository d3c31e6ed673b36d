package fr.duiconnect.ins.rniv;

/** What can change an identity's RNIV status. */
public enum RnivEvent {
    /** INSi answered 00 and the returned traits match the person's. */
    INSI_MATCH,
    /** The traits were checked against a high-trust identity document. */
    DOCUMENT_CHECK,
    /** The identity was flagged douteuse or fictive: back to PROV, INS invalidated. */
    FLAGGED_DOUBTFUL_OR_FICTITIOUS
}
