package fr.duiconnect.core.error;

/**
 * A stable error code: what went wrong, which rule it breaks and where that rule is published.
 * Each service module has one enum of these, in the specification's own words.
 */
public interface ErrorCode {

    /** Stable identifier, e.g. {@code INS-KEY-INVALID} or {@code DMP-XDSRegistryError}. */
    String code();

    /** The rule in a sentence, e.g. "the key is 97 minus the number modulo 97". */
    String rule();

    /** The public reference of the rule (CNDA case, DMPi EX_x, MSSanté ECO.x, CI-SIS volet...), or "" if none. */
    default String reference() {
        return "";
    }

    /** Whether trying the same operation again later may succeed. */
    default boolean retryable() {
        return false;
    }
}
