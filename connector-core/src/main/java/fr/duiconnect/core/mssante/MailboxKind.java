package fr.duiconnect.core.mssante;

/**
 * The MSSanté mailbox (BAL) types of the Annuaire Santé (TRE_R257: PER, ORG, APP; CAB is treated as ORG).
 * The kind decides the authentication (ECO.1.2.1 Pro Santé Connect / XOAUTH2 for PER and ORG, ECO.1.3.1 ORG
 * AUTH_CLI certificate then SASL PLAIN for APP) and the sender display name (ECO.2.2.7).
 */
public enum MailboxKind {
    /** BAL personnelle of a professional. */
    PERSONAL,
    /** BAL organisationnelle of a service or structure. */
    ORGANISATIONAL,
    /** BAL applicative: a software (the DUI) sends on its own, authenticated by certificate. */
    APPLICATION;

    public static MailboxKind parse(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "personal", "personnelle", "per" -> PERSONAL;
            case "organisational", "organisationnelle", "org", "cab" -> ORGANISATIONAL;
            case "application", "applicative", "app" -> APPLICATION;
            default -> throw fr.duiconnect.core.error.InvalidInputException.format("mailbox.kind",
                    "personal, organisational or application");
        };
    }
}
