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
}
