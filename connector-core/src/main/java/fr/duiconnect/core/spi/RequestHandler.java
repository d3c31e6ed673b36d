package fr.duiconnect.core.spi;

/** Runs one synchronous exchange with the service; throws DuiConnect exceptions (or I/O failures the core classifies). */
@FunctionalInterface
public interface RequestHandler<Q, A> {

    A handle(Q request);
}
