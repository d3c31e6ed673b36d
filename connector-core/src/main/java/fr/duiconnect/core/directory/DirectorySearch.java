package fr.duiconnect.core.directory;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Require;

/**
 * A search of professionals: a name (family name, at least 2 characters) and optionally a city.
 */
public record DirectorySearch(String name, String city) {

    public DirectorySearch {
        Require.text(name, "name");
        if (name.strip().length() < 2) {
            throw InvalidInputException.format("name", "at least 2 characters");
        }
        name = name.strip();
        city = city == null || city.isBlank() ? null : city.strip();
    }

    public static DirectorySearch byName(String name) {
        return new DirectorySearch(name, null);
    }

    public DirectorySearch inCity(String value) {
        return new DirectorySearch(name, value);
    }
}
