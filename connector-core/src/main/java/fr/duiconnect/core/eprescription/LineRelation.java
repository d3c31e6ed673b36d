package fr.duiconnect.core.eprescription;

/**
 * How two lines of a prescription relate (the prescription's RequestGroup, fr-requestgroup-for-prescription): the
 * line {@code lineId} is {@code relationship} (concurrent, after, before...) the line {@code relatedLineId}, with an
 * offset, and, when {@code alternative}, instead of it (fr-additional-action-relationship ALT): one of the two is
 * given, under its {@code condition} ("En cas d'intolérance digestive").
 *
 * @param condition    the action's description for {@code lineId} (the condition under which it applies), may be null
 * @param offset       offsetDuration (e.g. 2 h after), may be null
 * @param kind         the additional relationship code (ALT...), may be null
 */
public record LineRelation(String lineId, String condition, String relationship, String relatedLineId, Quantity offset, String kind) {

    /** Whether the two lines are alternatives: one or the other, never both. */
    public boolean alternative() {
        return "ALT".equals(kind);
    }
}
