package fr.duiconnect.core.indicators;

/**
 * The journal kinds the usage indicators count. Modules journal their operations under these names, so the
 * indicators and the modules cannot drift apart.
 */
public final class UsageKinds {

    private UsageKinds() {
    }

    /** Outbox: one MSSanté message sent. */
    public static final String MSSANTE_SEND = "mssante.send";
    /** Outbox: one document deposited in a DMP (first deposit). */
    public static final String DMP_DEPOSIT = "dmp.deposit";
    /** Outbox: one document replacing an earlier one in a DMP. */
    public static final String DMP_REPLACE = "dmp.replace";
    /** Inbound ledger: one e-prescription imported into the DUI. */
    public static final String EPRESCRIPTION_IMPORT = "eprescription.import";
    /** Outbox kinds of the e-parcours module start with this (post, reply, update, withdraw). */
    public static final String EPARCOURS_OUTBOUND_PREFIX = "eparcours.";
    /** Inbound ledger: one cahier de liaison note received from the platform. */
    public static final String EPARCOURS_NOTE_RECEIVED = "eparcours.note";
}
