package fr.duiconnect.core.ins;

/**
 * Client of the INS service socle: identity qualification through the INSi teleservice, INS checks and RNIV status management.
 * Implemented by the {@code dui-connect-ins} module; obtained from {@code DuiConnector.ins()}. Thread-safe.
 */
public interface InsClient {
}
