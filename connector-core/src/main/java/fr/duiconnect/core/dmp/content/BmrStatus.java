package fr.duiconnect.core.dmp.content;

/** Whether the resident carries a multi-resistant bacterium (BMR, CIM-10 U83.71), as the DLU must say. */
public enum BmrStatus {
    CARRIER,
    NOT_CARRIER,
    /** Not known: the DLU says so rather than stating "no". */
    UNKNOWN
}
