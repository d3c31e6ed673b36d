package fr.duiconnect.core.spi;

import fr.duiconnect.core.model.Require;

/**
 * A synchronous request addressed by the structure it is made for: the module's handler answers it with that
 * structure's transport and credentials ({@link PerStructure#forFiness}).
 *
 * @param finess  FINESS géographique of the structure, or null for the one the service's own properties name
 *                (a single-structure configuration that gives the service no FINESS)
 * @param request the module's own request
 */
public record ForStructure<Q>(String finess, Q request) {

    public ForStructure {
        Require.present(request, "request");
    }
}
