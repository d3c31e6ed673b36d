package fr.duiconnect.core.error;

import java.util.Objects;
import java.util.Optional;

/**
 * Root of every failure DUI Connect reports. Carries a stable {@link ErrorCode}, the field concerned (if any)
 * and whether a retry may help. Messages never contain patient data or secrets above what the caller gave as field name.
 */
public class DuiConnectException extends RuntimeException {

    private final ErrorCode errorCode;
    private final String field;
    private final String detail;

    public DuiConnectException(ErrorCode errorCode, String field, String message, Throwable cause) {
        super(format(errorCode, field, message), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.field = field;
        this.detail = message;
    }

    public DuiConnectException(ErrorCode errorCode, String field, String message) {
        this(errorCode, field, message, null);
    }

    private static String format(ErrorCode code, String field, String message) {
        StringBuilder text = new StringBuilder().append('[').append(code.code()).append("] ");
        if (field != null) {
            text.append(field).append(": ");
        }
        text.append(message);
        if (!code.reference().isEmpty()) {
            text.append(" (rule: ").append(code.rule()).append("; ").append(code.reference()).append(')');
        }
        return text.toString();
    }

    public ErrorCode errorCode() { return errorCode; }

    /** The stable code, e.g. {@code INS-KEY-INVALID}. */
    public String code() { return errorCode.code(); }

    public Optional<String> field() { return Optional.ofNullable(field); }

    public String rule() { return errorCode.rule(); }

    /** The message without the code, field and rule around it. */
    public String detail() { return detail; }

    public boolean retryable() { return errorCode.retryable(); }
}
