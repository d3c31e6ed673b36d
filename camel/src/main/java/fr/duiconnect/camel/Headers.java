package fr.duiconnect.camel;

import fr.duiconnect.core.error.InvalidInputException;
import org.apache.camel.Message;

/** Reading the headers an operation needs. */
final class Headers {

    private Headers() {
    }

    /** The header's value; a missing one is refused like any missing input, naming the header. */
    static <T> T required(Message in, String name, Class<T> type) {
        T value = in.getHeader(name, type);
        if (value == null) {
            throw InvalidInputException.required(name);
        }
        return value;
    }
}
