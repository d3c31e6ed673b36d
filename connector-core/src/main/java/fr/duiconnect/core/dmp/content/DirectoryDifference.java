package fr.duiconnect.core.dmp.content;

/**
 * A value the DUI gave that the Annuaire Santé publishes differently. The DUI's value is the one written; the
 * difference is reported so that someone can correct whichever is out of date.
 *
 * @param field     the record's field, e.g. {@code resident.attendingPhysician.address}
 * @param dui       what the DUI gave (written in the document)
 * @param directory what the directory publishes
 */
public record DirectoryDifference(String field, String dui, String directory) {
}
