package fr.duiconnect.core.eprescription;

/**
 * Client of the EPRESCRIPTION service socle: import of electronic prescriptions into the DUI medication lines.
 * Implemented by the {@code dui-connect-eprescription} module; obtained from {@code DuiConnector.eprescription()}. Thread-safe.
 */
public interface EPrescriptionClient {
}
