package fr.duiconnect.core.eparcours;

import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;

/**
 * Client of the EPARCOURS service socle: the cahier de liaison notes exchanged with the regional e-parcours platform.
 * Implemented by the {@code dui-connect-eparcours} module; obtained from {@code DuiConnector.eparcours()}. Thread-safe.
 *
 * <p>Notes follow the ANS "cahier de liaison" IG 3.0.0 (DocumentReference {@code cdl-document-reference}); what is
 * sent and what is received is validated against its profiles (refusals carry their issues as a
 * {@link fr.duiconnect.core.error.ContentRefusedException}). Only a qualified identity's INS is sent.
 */
public interface EParcoursClient {

    /**
     * Posts a note: validated, journaled (durable when this returns) and delivered by the dispatcher as a
     * {@code cdl-bundle-creation-note} transaction. The receipt's remote reference, once delivered, is the note's
     * {@code DocumentReference/<id>/_history/<version>}.
     */
    OperationReceipt post(NoteDraft draft);

    /** Replies to a note ({@code relatesTo.code = appends} to the parent): like {@link #post}. */
    OperationReceipt reply(NoteRef parent, NoteDraft draft);

    /**
     * Changes the text of one of the structure's own notes, if it is still at the given version ({@code If-Match});
     * a note changed meanwhile is a conflict ({@code EPARCOURS-CONFLICT}), never overwritten.
     */
    NoteRef update(NoteRef note, String newText);

    /** Withdraws one of the structure's own notes (status entered-in-error), with the same version check. */
    NoteRef withdraw(NoteRef note);

    /**
     * The notes others wrote about the person since the last pull (kept as a durable cursor in the journal):
     * new notes and new versions only, each once, even across restarts; invalid notes are reported, not returned.
     */
    PullResult pull(PersonIdentity person);

    /**
     * The notes others wrote about the person changed since the given instant, without touching the pull cursor
     * nor the received-notes ledger (a look-up, e.g. to show a history).
     */
    PullResult notesSince(PersonIdentity person, java.time.Instant since);

    /**
     * One note as the platform holds it now (read by id, validated against cdl-document-reference), e.g. to show the
     * note a user answers; nothing is recorded.
     */
    ReceivedNote note(String noteId);

    /** The person's care team (cercle de soins), so that the DUI knows who shares the notebook. */
    CareTeam careTeam(PersonIdentity person);

    /**
     * Asks the platform to notify the DUI (R4 Subscription, rest-hook, empty payload: a ping) when a note about the
     * person is created or changed; the DUI then calls {@link #pull}, which stays the safety net. With the module
     * option {@code subscription.event-type} set, the Subscription follows the NdE IG profile {@code nde-subscription}.
     *
     * @return the Subscription id on the platform
     */
    String subscribe(PersonIdentity person, java.net.URI notificationEndpoint);

    /** Sets where the bearer token sent with every request comes from (overrides the configured token file). */
    void tokenProvider(BearerTokenProvider provider);
}
