package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.mssante.PreparedMail;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.harness.dmp.DmpPersonas;
import fr.duiconnect.harness.dmp.KitDlu;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fixed list of operations over MSSanté, e-parcours and the DMP, interleaved, each with the key its simulator
 * counts it by (Message-ID, note identifier, document uniqueId) fixed before it is accepted. Accepting the same
 * workload twice journals nothing new (every key is an idempotency key), so a restarted process may accept it
 * again. It can be written to a directory and read back in another JVM.
 */
final class MixedWorkload {

    /** The services a workload mixes. */
    static final List<ServiceSocle> SERVICES = List.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS, ServiceSocle.DMP);
    /** The e-parcours residents notes are about (qualified test identities). */
    static final List<InsPersona> RESIDENTS = InsPersona.ALL.subList(1, 4);
    static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDEC");
    /** A deposit marked so is for a person without a DMP: the DMP refuses it and it must end FAILED, DMP-ABSENT. */
    static final String WITHOUT_DMP = "without-dmp";
    static final PersonIdentity PERSON_WITHOUT_DMP = DmpPersonas.personWithoutDmp();
    private static final String INDEX = "workload.tsv";

    /** One operation to accept, and the key the simulator of its service counts it by. */
    record Operation(ServiceSocle service, String key, String detail, byte[] content) {

        OperationReceipt acceptOn(DuiConnector connector) {
            return switch (service) {
                case MSSANTE -> connector.mssante().send(new PreparedMail(key, detail.isEmpty() ? null : detail, content));
                case EPARCOURS -> connector.eparcours().post(NoteDraft.of(RESIDENTS.get(Integer.parseInt(detail)).identity(),
                        NoteType.OBS, "Observation " + key).withId(key));
                case DMP -> connector.dmp().deposit(DmpDeposit.of(content, WITHOUT_DMP.equals(detail) ? PERSON_WITHOUT_DMP : KitDlu.KIT_PATIENT, RECORDED));
                default -> throw new IllegalArgumentException("no operation for " + service);
            };
        }
    }

    private final List<Operation> operations;

    private MixedWorkload(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /**
     * Messages (prepared by {@code composer}, so their Message-ID is fixed), notes and DLU deposits, interleaved in
     * proportion to their numbers.
     */
    static MixedWorkload generate(DuiConnector composer, Path kit, int mails, int notes, int deposits) {
        return generate(composer, kit, mails, notes, deposits, 0);
    }

    /** The same, where every {@code refusedEvery}-th deposit (0: none) is for a person without a DMP. */
    static MixedWorkload generate(DuiConnector composer, Path kit, int mails, int notes, int deposits, int refusedEvery) {
        byte[] pdf = BenchMessages.pdf();
        KitDlu dlu = KitDlu.load(kit);
        Map<ServiceSocle, Integer> planned = new EnumMap<>(Map.of(ServiceSocle.MSSANTE, mails, ServiceSocle.EPARCOURS, notes,
                ServiceSocle.DMP, deposits));
        Map<ServiceSocle, Integer> taken = new EnumMap<>(ServiceSocle.class);
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < mails + notes + deposits; i++) {
            ServiceSocle next = planned.keySet().stream().filter(s -> taken.getOrDefault(s, 0) < planned.get(s))
                    .min((a, b) -> Double.compare(taken.getOrDefault(a, 0) / (double) planned.get(a),
                            taken.getOrDefault(b, 0) / (double) planned.get(b))).orElseThrow();
            int n = taken.merge(next, 1, Integer::sum);
            operations.add(switch (next) {
                case MSSANTE -> {
                    PreparedMail mail = composer.mssante().prepare(BenchMessages.message(40_000 + i, Sandbox.TEST_FINESS, pdf));
                    yield new Operation(next, mail.messageId(), mail.personRef() == null ? "" : mail.personRef(), mail.rfc822());
                }
                case EPARCOURS -> new Operation(next, UUID.randomUUID().toString(), String.valueOf(n % RESIDENTS.size()), new byte[0]);
                default -> {
                    boolean refused = refusedEvery > 0 && n % refusedEvery == 0;
                    KitDlu.Generated document = refused ? dlu.forPerson(Sandbox.TEST_FINESS, PERSON_WITHOUT_DMP.ins(), null)
                            : dlu.forStructure(Sandbox.TEST_FINESS);
                    yield new Operation(next, document.uniqueId(), refused ? WITHOUT_DMP : "", document.cda());
                }
            });
        }
        return new MixedWorkload(operations);
    }

    List<Operation> operations() {
        return operations;
    }

    List<Operation> of(ServiceSocle service) {
        return operations.stream().filter(o -> o.service() == service).toList();
    }

    /** Writes the workload under {@code directory}: an index line per operation and a file per content. */
    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            StringBuilder index = new StringBuilder();
            for (int i = 0; i < operations.size(); i++) {
                Operation operation = operations.get(i);
                Files.write(directory.resolve(i + ".bin"), operation.content());
                index.append(operation.service()).append('\t').append(operation.key()).append('\t').append(operation.detail()).append('\n');
            }
            Files.writeString(directory.resolve(INDEX), index, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MixedWorkload read(Path directory) {
        try {
            List<Operation> operations = new ArrayList<>();
            List<String> lines = Files.readAllLines(directory.resolve(INDEX), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String[] fields = lines.get(i).split("\t", -1);
                operations.add(new Operation(ServiceSocle.valueOf(fields[0]), fields[1], fields[2], Files.readAllBytes(directory.resolve(i + ".bin"))));
            }
            return new MixedWorkload(operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
