package fr.duiconnect.core.spi;

/**
 * Delivers one journaled operation of a kind a module declares: talks to the wire and returns the outcome. Failures
 * are thrown as DuiConnect exceptions (or I/O failures, which the core classifies); the core retries what is
 * retryable, records the outcome and audits it. Called by the core's delivery route of the kind, on a delivery worker.
 */
@FunctionalInterface
public interface DeliveryHandler {

    DeliveryOutcome deliver(JournaledOperation operation);
}
