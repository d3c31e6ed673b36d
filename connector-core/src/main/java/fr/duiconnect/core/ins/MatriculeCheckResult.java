package fr.duiconnect.core.ins;

import java.util.List;

/**
 * Result of a matricule check without INSi.
 *
 * @param matricule the value checked
 * @param valid     whether every rule holds
 * @param problems  one sentence per broken rule, prefixed with its stable code
 */
public record MatriculeCheckResult(String matricule, boolean valid, List<String> problems) {

    public MatriculeCheckResult {
        problems = List.copyOf(problems);
    }
}
