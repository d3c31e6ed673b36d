package fr.duiconnect.eparcours;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.identity.IdentityGuard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The transaction a note's post sends (FHIR JSON), written by the module's own writer, not validated and not
 * journaled: for tools that replay it without a connector (benchmark baselines). Not thread-safe.
 */
public final class NoteTransactions {

    private final NoteWriter writer;
    private final IParser json = FhirContext.forR4Cached().newJsonParser();

    public NoteTransactions(EndpointConfig endpoint) {
        this.writer = new NoteWriter(EParcoursSettings.from(endpoint));
    }

    /** A new note (its own identifier), as the platform receives it. */
    public byte[] creation(NoteDraft draft, Instant now) {
        String noteId = draft.noteId() != null ? draft.noteId() : UUID.randomUUID().toString();
        var bundle = writer.creation(draft, IdentityGuard.requireQualified(draft.person(), "e-parcours note"), noteId, null, now);
        return json.encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
    }
}
