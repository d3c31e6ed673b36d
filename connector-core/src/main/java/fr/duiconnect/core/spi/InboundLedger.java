package fr.duiconnect.core.spi;

/**
 * Remembers what was received (prescriptions imported, notes pulled, mails read), by kind, external id and
 * version, so that receiving the same thing twice is reported as such and a new version as an update.
 */
public interface InboundLedger {

    enum Receipt { NEW, SAME_VERSION, NEW_VERSION }

    /**
     * Records the item and says whether it is new, already known with the same version, or a new version.
     *
     * @param finess the structure that received it (for the usage indicators)
     * @param person INS or local id of the person concerned, may be null
     */
    Receipt record(String kind, String externalId, String version, String finess, String person);
}
