package fr.duiconnect.core.eparcours;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Require;

/**
 * A note the DUI writes.
 *
 * @param person     the person it is about (must be a qualified identity: its INS is sent)
 * @param author     the professional who writes it (with profession and role), or null: the structure writes it
 * @param noteId     the DUI's own id of the note (masterIdentifier; idempotency key of the post), or null for a new UUID
 */
public record NoteDraft(PersonIdentity person, NoteType type, String text, boolean urgent, NoteVisibility visibility,
                        Professional author, String noteId) {

    public NoteDraft {
        Require.present(person, "person");
        Require.present(type, "type");
        Require.text(text, "text");
        visibility = visibility == null ? NoteVisibility.NORMAL : visibility;
        if (noteId != null) {
            Require.matches(noteId, "[A-Za-z0-9.\\-]{1,64}", "noteId", "1 to 64 letters, digits, '.' or '-'");
        }
    }

    public static NoteDraft of(PersonIdentity person, NoteType type, String text) {
        return new NoteDraft(person, type, text, false, NoteVisibility.NORMAL, null, null);
    }

    public NoteDraft markedUrgent() {
        return new NoteDraft(person, type, text, true, visibility, author, noteId);
    }

    public NoteDraft withVisibility(NoteVisibility value) {
        return new NoteDraft(person, type, text, urgent, value, author, noteId);
    }

    public NoteDraft by(Professional value) {
        return new NoteDraft(person, type, text, urgent, visibility, value, noteId);
    }

    public NoteDraft withId(String value) {
        return new NoteDraft(person, type, text, urgent, visibility, author, value);
    }
}
