package fr.duiconnect.cli;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.EParcoursClient;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.eparcours.NoteVisibility;
import fr.duiconnect.core.eparcours.PullResult;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code dui-connect eparcours post|reply|show|pull}: the cahier de liaison with the e-parcours platform, JSON output. */
@Command(name = "eparcours", description = "Cahier de liaison with the e-parcours coordination platform (FHIR R4, CdL IG).",
        subcommands = {EParcoursCommand.Post.class, EParcoursCommand.Reply.class, EParcoursCommand.Show.class, EParcoursCommand.Pull.class})
final class EParcoursCommand {

    /** What a written note says: its type, text, urgency and visibility. */
    static final class NoteOptions {
        @Option(names = "--type", required = true, description = "OBS, INTERV, INST, DEM-AVIS or GEN (JDV_J23).") String type;
        @Option(names = "--text", required = true) String text;
        @Option(names = "--urgent") boolean urgent;
        @Option(names = "--visibility", defaultValue = "NORMAL",
                description = "NORMAL, INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX, MASQUE_PS, MASQUE_PSOCIAL, MASQUE_PT (TRE_A07)")
        NoteVisibility visibility;

        NoteDraft draft(PersonIdentity identity) {
            return new NoteDraft(identity, NoteType.fromCode(type), text, urgent, visibility, null, null);
        }
    }

    @Command(name = "post", description = "Post a note about a person and wait for its delivery.")
    static final class Post implements Callable<Integer> {
        @Mixin SandboxOptions target;
        @Mixin PersonOptions person;
        @Mixin NoteOptions note;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPARCOURS))) {
                return delivered(session, session.connector().eparcours().post(note.draft(required(person, target))));
            }
        }
    }

    @Command(name = "reply", description = "Reply to a note (relatesTo appends) and wait for the reply's delivery.")
    static final class Reply implements Callable<Integer> {
        @Mixin SandboxOptions target;
        @Mixin PersonOptions person;
        @Mixin NoteOptions note;

        @Option(names = "--to", required = true, paramLabel = "NOTE-ID", description = "The note answered: its id, or DocumentReference/<id>.")
        String parent;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPARCOURS))) {
                NoteRef answered = parent.contains("/") ? NoteRef.parse(parent) : new NoteRef(parent, null);
                return delivered(session, session.connector().eparcours().reply(answered, note.draft(required(person, target))));
            }
        }
    }

    @Command(name = "show", description = "Show one note as the platform holds it now.")
    static final class Show implements Callable<Integer> {
        @Mixin SandboxOptions target;

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "NOTE-ID") String noteId;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPARCOURS))) {
                String id = noteId.contains("/") ? NoteRef.parse(noteId).id() : noteId;
                ReceivedNote note = session.connector().eparcours().note(id);
                System.out.println(EPrescriptionCommand.json().writeValueAsString(note));
                return 0;
            }
        }
    }

    /** Waits for the note's delivery and prints the operation, its state and the note's reference. */
    private static int delivered(SandboxOptions.ConnectorSession session, OperationReceipt receipt) throws Exception {
        OperationStatus status = session.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operationId", receipt.operationId().toString());
        out.put("state", status.state());
        out.put("note", status.remoteReference());
        out.put("error", status.lastError());
        System.out.println(EPrescriptionCommand.json().writeValueAsString(out));
        return status.remoteReference() == null ? 1 : 0;
    }

    @Command(name = "pull", description = "The notes others wrote about a person: since the last pull, or since a date (--since).")
    static final class Pull implements Callable<Integer> {
        @Mixin SandboxOptions target;
        @Mixin PersonOptions person;

        @Option(names = "--since", description = "YYYY-MM-DD: read the notes changed since then, without moving the pull cursor.")
        LocalDate since;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPARCOURS))) {
                EParcoursClient client = session.connector().eparcours();
                PersonIdentity identity = required(person, target);
                Instant from = since == null ? null : since.atStartOfDay().toInstant(ZoneOffset.UTC);
                PullResult result = since == null ? client.pull(identity) : client.notesSince(identity, from);
                System.out.println(EPrescriptionCommand.json().writeValueAsString(result));
            }
            return 0;
        }
    }

    private static PersonIdentity required(PersonOptions person, SandboxOptions target) {
        PersonIdentity identity = person.identity(target.isSandbox());
        if (identity == null) {
            throw new IllegalArgumentException("--ins is required");
        }
        return identity;
    }
}
