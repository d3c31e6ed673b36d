package fr.duiconnect.core.error;

/** The journal database failed; nothing was accepted. */
public class JournalException extends DuiConnectException {

    public JournalException(String message, Throwable cause) {
        super(CoreErrorCode.JOURNAL, null, message, cause);
    }
}
