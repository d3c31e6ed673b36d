package fr.duiconnect.cli.conformance;

/** Outcome of one conformance scenario. */
public enum Verdict {
    PASS, FAIL,
    /** Not run against this target (e.g. the service is not configured, or the kit location was not given). */
    SKIPPED
}
