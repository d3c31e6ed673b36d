package fr.duiconnect.core.eprescription;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A medication prescription (ordonnance) as the DUI imports it: the lines that share one prescription number
 * ({@code MedicationRequest.groupIdentifier}; a line without one is a prescription of its own, numbered by its id).
 *
 * @param number       the prescription number (groupIdentifier.value)
 * @param numberSystem the system of the number (groupIdentifier.system), may be null
 * @param version      a digest of the lines' content: changes when a line is cancelled or renewed
 * @param authoredOn   when it was written (the earliest authoredOn of its lines)
 * @param relations    how its lines relate (its RequestGroup): alternatives under a condition, sequences with an offset
 * @param unmapped     what this model does not carry of the prescription's RequestGroup (paths), never dropped silently
 */
public record Prescription(String number, String numberSystem, String version, OffsetDateTime authoredOn,
                           Prescriber prescriber, PrescribedPerson person, List<PrescriptionLine> lines,
                           List<LineRelation> relations, List<String> unmapped) {

    public Prescription {
        lines = List.copyOf(lines);
        relations = relations == null ? List.of() : List.copyOf(relations);
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
    }

    /**
     * The groups of lines that are alternatives of one another (one of each group is given, never all): each group
     * lists its line ids in order, each with its condition ({@code lineId -> condition}, the condition may be null).
     */
    public List<java.util.Map<String, String>> alternatives() {
        List<java.util.Map<String, String>> groups = new java.util.ArrayList<>();
        for (LineRelation relation : relations) {
            if (!relation.alternative()) {
                continue;
            }
            java.util.Map<String, String> group = groups.stream()
                    .filter(g -> g.containsKey(relation.lineId()) || g.containsKey(relation.relatedLineId())).findFirst()
                    .orElseGet(() -> {
                        java.util.Map<String, String> created = new java.util.LinkedHashMap<>();
                        groups.add(created);
                        return created;
                    });
            group.put(relation.lineId(), relation.condition());
            group.putIfAbsent(relation.relatedLineId(), conditionOf(relation.relatedLineId()));
        }
        return groups.stream().map(java.util.Collections::unmodifiableMap).toList();
    }

    private String conditionOf(String lineId) {
        return relations.stream().filter(r -> r.lineId().equals(lineId)).map(LineRelation::condition)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** How many elements of the prescription and its lines this model does not carry (see {@link PrescriptionLine#unmapped()}). */
    public int unmappedCount() {
        return unmapped.size() + lines.stream().mapToInt(l -> l.unmapped().size()).sum();
    }

    /** Active when at least one line is active; cancelled when every line is cancelled (or stopped). */
    public LineStatus status() {
        if (lines.stream().anyMatch(l -> l.status() == LineStatus.ACTIVE)) {
            return LineStatus.ACTIVE;
        }
        return lines.stream().allMatch(l -> l.status() == LineStatus.CANCELLED || l.status() == LineStatus.STOPPED)
                ? LineStatus.CANCELLED : lines.get(0).status();
    }
}
