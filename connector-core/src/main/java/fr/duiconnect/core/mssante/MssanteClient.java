package fr.duiconnect.core.mssante;

/**
 * Client of the MSSANTE service socle: secure health mail: compose with IHE XDM, sign/encrypt, send, receive, receipts.
 * Implemented by the {@code dui-connect-mssante} module; obtained from {@code DuiConnector.mssante()}. Thread-safe.
 */
public interface MssanteClient {
}
