package fr.duiconnect.ins.rniv;

/** What happened to an identity, as far as its RNIV status is concerned. */
public enum RnivEvent {
    /** INSi answered 00 and the returned traits matched the person's. */
    INSI_SUCCESS,
    /** The traits were checked against a high-trust identity document (CNI, passeport, titre de séjour...). */
    DOCUMENT_CHECK
}
