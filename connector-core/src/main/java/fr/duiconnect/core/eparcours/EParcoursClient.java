package fr.duiconnect.core.eparcours;

/**
 * Client of the EPARCOURS service socle: the cahier de liaison notes exchanged with the regional e-parcours platform.
 * Implemented by the {@code dui-connect-eparcours} module; obtained from {@code DuiConnector.eparcours()}. Thread-safe.
 */
public interface EParcoursClient {
}
