package fr.duiconnect.core.spi;

/**
 * Runs a module's synchronous exchange through its {@link RequestHandler}: plain Java, on the caller's thread (a
 * request-reply call needs no route). The one place where what a handler throws becomes a DuiConnect exception.
 */
public interface RequestInvoker {

    /**
     * Hands the request to the handler registered for its type and returns the answer. DuiConnect exceptions come out
     * as they are; timeouts, I/O and TLS failures as typed transport exceptions.
     */
    <Q, A> A invoke(RequestType<Q, A> type, Q request);
}
