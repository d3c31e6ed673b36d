package fr.duiconnect.core.spi;

import java.util.Optional;

/** Durable cursors (e.g. the last e-parcours pull position), kept in the journal database. */
public interface CursorStore {

    Optional<String> get(String name);

    void put(String name, String value);
}
