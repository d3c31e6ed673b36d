package fr.duiconnect.core.eparcours;

import fr.duiconnect.core.error.ConformanceIssue;

import java.util.List;
import java.util.Map;

/**
 * What one pull brought: the notes not seen before (or new versions), and the notes refused because they do not
 * conform to the cahier de liaison profiles (by reference, with their issues).
 */
public record PullResult(List<ReceivedNote> notes, Map<String, List<ConformanceIssue>> refused) {

    public PullResult {
        notes = List.copyOf(notes);
        refused = Map.copyOf(refused);
    }
}
