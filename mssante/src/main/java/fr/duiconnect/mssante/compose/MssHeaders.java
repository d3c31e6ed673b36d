package fr.duiconnect.mssante.compose;

/** Header names of the MSSanté client interface (Référentiel #2, ECO.2.4.x, ECO.2.2.8, ECO.2.3.x). */
public final class MssHeaders {

    /** "Référence produit" of the software that produced the message, on every message (ECO.2.4.3). */
    public static final String NIL = "X-MSS-NIL";
    /** CDA ClinicalDocument/code of the documents in the XDM archive (ECO.2.4.1). */
    public static final String CODE_CDA = "X-MSS-CODECDA";
    /** O/N: a qualified INS is present in the XDM archive (ECO.2.4.2). */
    public static final String INS = "X-MSS-INS";
    /** FIN: the patient must not answer (ECO.2.2.8). */
    public static final String MES = "X-MSS-MES";
    /** Delivery receipt request (ECO.2.3.1). */
    public static final String RETURN_RECEIPT_TO = "Return-Receipt-To";
    /** Read receipt request (RFC 8098; ECO.2.3.2). */
    public static final String DISPOSITION_NOTIFICATION_TO = "Disposition-Notification-To";

    /** Subject prefix of a message carrying an IHE_XDM archive (ECO.2.1.3). */
    public static final String SUBJECT_PREFIX = "XDM/1.0/DDM+";
    public static final String PATIENT_DOMAIN = "patient.mssante.fr";
    public static final String XDM_FILE_NAME = "IHE_XDM.ZIP";

    private MssHeaders() {
    }
}
