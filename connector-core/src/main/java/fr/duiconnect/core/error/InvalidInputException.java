package fr.duiconnect.core.error;

/** Input refused before anything is sent: names the field and the rule it breaks. */
public class InvalidInputException extends DuiConnectException {

    public InvalidInputException(ErrorCode code, String field, String message) {
        super(code, field, message);
    }

    public static InvalidInputException required(String field) {
        return new InvalidInputException(CoreErrorCode.INPUT_REQUIRED, field, "is required");
    }

    public static InvalidInputException format(String field, String expected) {
        return new InvalidInputException(CoreErrorCode.INPUT_FORMAT, field, "must be " + expected);
    }

    /**
     * The same refusal with its field placed under {@code path}: a record's own check names {@code address.city}, the
     * JSON reader that built it from {@code person.address} reports {@code person.address.city}.
     */
    public InvalidInputException under(String path) {
        String own = field().orElse("");
        if (path.isEmpty() || own.startsWith(path)) {
            return this;
        }
        String tail = own.contains(".") ? own.substring(own.indexOf('.') + 1) : own;
        return new InvalidInputException(errorCode(), tail.isEmpty() ? path : path + "." + tail, detail());
    }
}
