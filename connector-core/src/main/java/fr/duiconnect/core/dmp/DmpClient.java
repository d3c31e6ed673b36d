package fr.duiconnect.core.dmp;

/**
 * Client of the DMP service socle: DLU and liaison letters to the DMP: existence test, deposit, replace, search, retrieve, status updates.
 * Implemented by the {@code dui-connect-dmp} module; obtained from {@code DuiConnector.dmp()}. Thread-safe.
 */
public interface DmpClient {
}
