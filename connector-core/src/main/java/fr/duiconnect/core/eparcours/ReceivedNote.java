package fr.duiconnect.core.eparcours;

import java.time.OffsetDateTime;

/**
 * A note read from the platform.
 *
 * @param ref          its id and version on the platform
 * @param noteId       its masterIdentifier (the author system's id), may be null
 * @param authorName   who wrote it (display name), may be null
 * @param authorRole   profession or role of the author, may be null
 * @param replyTo      the note it answers (relatesTo appends), or null
 * @param withdrawn    status entered-in-error (withdrawn by its author)
 * @param update       a new version of a note already received
 */
public record ReceivedNote(NoteRef ref, String noteId, NoteType type, String text, OffsetDateTime date, String authorName,
                           String authorRole, boolean urgent, NoteVisibility visibility, NoteRef replyTo, boolean withdrawn,
                           boolean update) {
}
