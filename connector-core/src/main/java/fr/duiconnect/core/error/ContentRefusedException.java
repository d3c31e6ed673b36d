package fr.duiconnect.core.error;

import java.util.List;

/**
 * Content refused because it does not conform to its specification (profile, schema): nothing of it was
 * imported or sent. Carries every blocking issue found, with its path, so that the sender can be told precisely.
 */
public class ContentRefusedException extends DuiConnectException {

    private final transient List<ConformanceIssue> issues;

    public ContentRefusedException(ErrorCode code, String field, List<ConformanceIssue> issues) {
        super(code, field, summary(issues));
        this.issues = List.copyOf(issues);
    }

    private static String summary(List<ConformanceIssue> issues) {
        long blocking = issues.stream().filter(i -> i.severity().blocking()).count();
        StringBuilder text = new StringBuilder().append(blocking).append(" blocking issue(s)");
        issues.stream().filter(i -> i.severity().blocking()).limit(3)
                .forEach(i -> text.append("; ").append(i.path()).append(": ").append(i.message()));
        return text.toString();
    }

    /** All issues found (blocking first). */
    public List<ConformanceIssue> issues() {
        return issues;
    }
}
