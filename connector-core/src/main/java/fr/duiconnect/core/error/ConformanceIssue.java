package fr.duiconnect.core.error;

import java.util.Objects;

/**
 * One finding of a conformance check of received or outgoing content (a FHIR profile validation, a schematron):
 * where ({@code path}, e.g. {@code Bundle.entry[1].resource.dosageInstruction[0]}), how serious, and what.
 * Messages name rules and elements, never patient values.
 */
public record ConformanceIssue(String path, Severity severity, String message) {

    public enum Severity { FATAL, ERROR, WARNING, INFORMATION;

        public boolean blocking() {
            return this == FATAL || this == ERROR;
        }
    }

    public ConformanceIssue {
        Objects.requireNonNull(severity, "severity");
        path = path == null ? "" : path;
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return severity + " " + path + ": " + message;
    }
}
