package fr.duiconnect.camel;

import fr.duiconnect.core.model.PersonIdentity;

import java.util.Collection;

/**
 * The persons whose cahier de liaison the {@code dui-connect:eparcours/notes} consumer pulls at each poll, typically
 * the residents currently in the establishment; a bean of the vendor's, referenced as {@code followed=#residents}.
 */
@FunctionalInterface
public interface PersonsToFollow {

    Collection<PersonIdentity> persons();
}
