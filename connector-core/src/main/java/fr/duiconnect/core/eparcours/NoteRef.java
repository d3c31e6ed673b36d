package fr.duiconnect.core.eparcours;

import fr.duiconnect.core.model.Require;

/** A note on the platform at one version: {@code DocumentReference/<id>/_history/<version>}. */
public record NoteRef(String id, String version) {

    public NoteRef {
        Require.text(id, "note.id");
    }

    /** Parses {@code DocumentReference/<id>/_history/<v>} (or {@code DocumentReference/<id>}, or an absolute URL ending so). */
    public static NoteRef parse(String reference) {
        Require.text(reference, "reference");
        String[] parts = reference.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("DocumentReference")) {
                String version = i + 3 < parts.length && parts[i + 2].equals("_history") ? parts[i + 3] : null;
                return new NoteRef(parts[i + 1], version);
            }
        }
        throw fr.duiconnect.core.error.InvalidInputException.format("reference", "DocumentReference/<id>[/_history/<version>]");
    }

    @Override
    public String toString() {
        return "DocumentReference/" + id + (version == null ? "" : "/_history/" + version);
    }
}
