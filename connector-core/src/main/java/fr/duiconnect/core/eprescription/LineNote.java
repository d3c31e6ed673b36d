package fr.duiconnect.core.eprescription;

/** A note on a line, with its scope (fr-medicationrequest-note-scope, e.g. LIPRESCTXT: the prescription as text), may be null. */
public record LineNote(String text, String scope) {
}
