package fr.duiconnect.core.directory;

/** MSSanté mailbox types (TRE_R257 / JDV_J139-TypeBAL-RASS). */
public enum MailboxType {
    /** Personnelle: one professional. */
    PER,
    /** Cabinet: a practice shared by professionals. */
    CAB,
    /** Organisationnelle: a service of a structure. */
    ORG,
    /** Applicative: a software application of a structure. */
    APP
}
