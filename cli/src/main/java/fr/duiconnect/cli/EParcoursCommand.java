package fr.duiconnect.cli;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.EParcoursClient;
import fr.duiconnect.core.eparcours.NoteDraft;
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

/** {@code dui-connect eparcours post|pull}: the cahier de liaison with the e-parcours platform, JSON output. */
@Command(name = "eparcours", description = "Cahier de liaison with the e-parcours coordination platform (FHIR R4, CdL IG).",
        subcommands = {EParcoursCommand.Post.class, EParcoursCommand.Pull.class})
final class EParcoursCommand {

    @Command(name = "post", description = "Post a note about a person and wait for its delivery.")
    static final class Post implements Callable<Integer> {
        @Mixin SandboxOptions target;
        @Mixin PersonOptions person;

        @Option(names = "--type", required = true, description = "OBS, INTERV, INST, DEM-AVIS or GEN (JDV_J23).") String type;
        @Option(names = "--text", required = true) String text;
        @Option(names = "--urgent") boolean urgent;
        @Option(names = "--visibility", defaultValue = "NORMAL", description = "NORMAL, INVISIBLE_PATIENT, INVISIBLE_REPRESENTANTS_LEGAUX, MASQUE_PS")
        NoteVisibility visibility;

        @Override
        public Integer call() throws Exception {
            try (SandboxOptions.ConnectorSession session = target.open(Set.of(ServiceSocle.EPARCOURS))) {
                PersonIdentity identity = required(person, target);
                NoteDraft draft = new NoteDraft(identity, NoteType.fromCode(type), text, urgent, visibility, null, null);
                OperationReceipt receipt = session.connector().eparcours().post(draft);
                OperationStatus status = session.connector().operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("operationId", receipt.operationId().toString());
                out.put("state", status.state());
                out.put("note", status.remoteReference());
                out.put("error", status.lastError());
                System.out.println(EPrescriptionCommand.json().writeValueAsString(out));
                return status.remoteReference() == null ? 1 : 0;
            }
        }
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
