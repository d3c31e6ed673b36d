package fr.duiconnect.cli.conformance;

/**
 * An excerpt kept as proof: a request or response extract, a schematron failure, a validator issue.
 * Long content is cut, since a referent reads it in a report.
 */
public record Evidence(String label, String content) {

    public static final int MAX_LENGTH = 4000;

    public Evidence {
        content = content == null ? "" : content.length() > MAX_LENGTH
                ? content.substring(0, MAX_LENGTH) + "\n… (" + (content.length() - MAX_LENGTH) + " more characters)" : content;
    }
}
