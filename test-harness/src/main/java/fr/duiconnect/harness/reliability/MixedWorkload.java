package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
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
 *
 * <p>A workload may also hold reads, done synchronously where they stand in the list: INSi searches (the key is the
 * searched identity's local id, which its audit event names) and e-prescription imports (the key is the read's
 * own, the detail the prescription number and the person's INS).
 */
public final class MixedWorkload {

    /** The services whose operations are journaled and delivered. */
    public static final List<ServiceSocle> SERVICES = List.of(ServiceSocle.MSSANTE, ServiceSocle.EPARCOURS, ServiceSocle.DMP);
    /** The services read synchronously. */
    public static final List<ServiceSocle> READS = List.of(ServiceSocle.INS, ServiceSocle.EPRESCRIPTION);
    /** The e-parcours residents notes are about (qualified test identities). */
    public static final List<InsPersona> RESIDENTS = InsPersona.ALL.subList(1, 4);
    static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDEC");
    /** A deposit marked so is for a person without a DMP: the DMP refuses it and it must end FAILED, DMP-ABSENT. */
    public static final String WITHOUT_DMP = "without-dmp";
    /** A deposit whose detail starts so replaces an earlier one, named after a space (relatedDocument RPLC, TD2.2). */
    public static final String REPLACEMENT = "replaces";
    static final PersonIdentity PERSON_WITHOUT_DMP = DmpPersonas.personWithoutDmp();
    private static final String INDEX = "workload.tsv";

    /** One operation to accept, and the key the simulator of its service counts it by. */
    public record Operation(ServiceSocle service, String key, String detail, byte[] content) {

        public boolean isRead() {
            return READS.contains(service);
        }

        /**
         * Does the read and says how it ended: {@code ANSWER <what>} or {@code ERROR <code>} for a typed error; any
         * other exception is {@code UNTYPED <class>}, which a nothing-lost run counts as broken.
         */
        public String readOn(DuiConnector connector) {
            try {
                return switch (service) {
                    case INS -> "ANSWER " + connector.ins().search(InsSearchRequest.of(PersonIdentity.provisional(key,
                            InsPersona.ALL.get(Integer.parseInt(detail)).identity().traits()), Sandbox.TEST_FINESS)).code();
                    case EPRESCRIPTION -> {
                        String[] numberAndIns = detail.split(" ");
                        yield "ANSWER " + connector.eprescription().importPrescription(numberAndIns[0],
                                InsPersona.byMatricule(numberAndIns[1]).identity()).outcome();
                    }
                    default -> throw new IllegalArgumentException("no read for " + service);
                };
            } catch (DuiConnectException typed) {
                return "ERROR " + typed.code();
            } catch (RuntimeException untyped) {
                return "UNTYPED " + untyped.getClass().getName();
            }
        }

        /** The same operation with its content (read from a written workload only when it is accepted). */
        public Operation withContent(byte[] loaded) {
            return new Operation(service, key, detail, loaded);
        }

        public OperationReceipt acceptOn(DuiConnector connector) {
            return switch (service) {
                case MSSANTE -> connector.mssante().send(new PreparedMail(key, detail.isEmpty() ? null : detail, content));
                case EPARCOURS -> connector.eparcours().post(NoteDraft.of(RESIDENTS.get(Integer.parseInt(detail)).identity(),
                        NoteType.OBS, "Observation " + key).withId(key));
                case DMP -> detail.startsWith(REPLACEMENT)
                        ? connector.dmp().replace(DmpDeposit.of(content, KitDlu.KIT_PATIENT, RECORDED), detail.substring(REPLACEMENT.length() + 1))
                        : connector.dmp().deposit(DmpDeposit.of(content, WITHOUT_DMP.equals(detail) ? PERSON_WITHOUT_DMP : KitDlu.KIT_PATIENT, RECORDED));
                default -> throw new IllegalArgumentException("no operation for " + service);
            };
        }
    }

    private final List<Operation> operations;
    /** Where a workload read back keeps its contents (null: in memory): a DLU of the kit is a megabyte. */
    private final Path contents;

    private MixedWorkload(List<Operation> operations) {
        this(operations, null);
    }

    private MixedWorkload(List<Operation> operations, Path contents) {
        this.operations = List.copyOf(operations);
        this.contents = contents;
    }

    /** The {@code index}-th operation with its content, read from the written workload's directory when it was read back. */
    public Operation withContent(int index) {
        Operation operation = operations.get(index);
        if (contents == null) {
            return operation;
        }
        try {
            return operation.withContent(Files.readAllBytes(contents.resolve(index + ".bin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many operations of each kind: {@code refusedEvery}-th deposit (0: none) for a person without a DMP,
     * {@code replaceEvery}-th (0: none) replacing the deposit made {@link #REPLACED_BEFORE} deposits earlier.
     */
    public record Mix(int mails, int notes, int deposits, int refusedEvery, int replaceEvery, int searches, int imports) {

        public static Mix writes(int mails, int notes, int deposits, int refusedEvery) {
            return new Mix(mails, notes, deposits, refusedEvery, 0, 0, 0);
        }

        int total() {
            return mails + notes + deposits + searches + imports;
        }
    }

    /** How far back a replacement's original is: far enough for it to be delivered first, most of the time. */
    public static final int REPLACED_BEFORE = 5;

    /**
     * Messages (prepared by {@code composer}, so their Message-ID is fixed), notes and DLU deposits, interleaved in
     * proportion to their numbers.
     */
    static MixedWorkload generate(DuiConnector composer, Path kit, int mails, int notes, int deposits) {
        return generate(composer, kit, mails, notes, deposits, 0);
    }

    /** The same, where every {@code refusedEvery}-th deposit (0: none) is for a person without a DMP. */
    static MixedWorkload generate(DuiConnector composer, Path kit, int mails, int notes, int deposits, int refusedEvery) {
        return generate(composer, kit, Mix.writes(mails, notes, deposits, refusedEvery), List.of());
    }

    /**
     * Every kind of operation of {@code mix}, interleaved in proportion to their numbers; imports take the
     * {@code prescriptions} ("number INS") in turn.
     */
    public static MixedWorkload generate(DuiConnector composer, Path kit, Mix mix, List<String> prescriptions) {
        byte[] pdf = BenchMessages.pdf();
        KitDlu dlu = KitDlu.load(kit);
        Map<ServiceSocle, Integer> planned = new EnumMap<>(ServiceSocle.class);
        Map.of(ServiceSocle.MSSANTE, mix.mails(), ServiceSocle.EPARCOURS, mix.notes(), ServiceSocle.DMP, mix.deposits(),
                ServiceSocle.INS, mix.searches(), ServiceSocle.EPRESCRIPTION, mix.imports()).forEach((service, count) -> {
                    if (count > 0) {
                        planned.put(service, count);
                    }
                });
        Map<ServiceSocle, Integer> taken = new EnumMap<>(ServiceSocle.class);
        List<Operation> operations = new ArrayList<>();
        List<String> deposited = new ArrayList<>();
        for (int i = 0; i < mix.total(); i++) {
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
                case INS -> new Operation(next, "nl-" + i, String.valueOf(n % InsPersona.ALL.size()), new byte[0]);
                case EPRESCRIPTION -> new Operation(next, "rx-" + i, prescriptions.get(n % prescriptions.size()), new byte[0]);
                default -> {
                    boolean refused = mix.refusedEvery() > 0 && n % mix.refusedEvery() == 0;
                    boolean replacing = !refused && mix.replaceEvery() > 0 && n % mix.replaceEvery() == 0 && deposited.size() >= REPLACED_BEFORE;
                    // a replacement's original is a first deposit, replaced once: never a replacement nor replaced already
                    String original = replacing ? deposited.remove(deposited.size() - REPLACED_BEFORE) : null;
                    KitDlu.Generated document = refused ? dlu.forPerson(Sandbox.TEST_FINESS, PERSON_WITHOUT_DMP.ins(), null)
                            : replacing ? dlu.forPerson(Sandbox.TEST_FINESS, KitDlu.KIT_PATIENT.ins(), original)
                            : dlu.forStructure(Sandbox.TEST_FINESS);
                    if (!refused && !replacing) {
                        deposited.add(document.uniqueId());
                    }
                    yield new Operation(next, document.uniqueId(), refused ? WITHOUT_DMP : replacing ? REPLACEMENT + " " + original : "", document.cda());
                }
            });
        }
        return new MixedWorkload(operations);
    }

    public List<Operation> operations() {
        return operations;
    }

    public List<Operation> of(ServiceSocle service) {
        return operations.stream().filter(o -> o.service() == service).toList();
    }

    /** Writes the workload under {@code directory}: an index line per operation and a file per content. */
    public void write(Path directory) {
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

    /** The workload written under {@code directory}; contents are read one at a time, by {@link #withContent(int)}. */
    public static MixedWorkload read(Path directory) {
        try {
            List<Operation> operations = new ArrayList<>();
            List<String> lines = Files.readAllLines(directory.resolve(INDEX), StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] fields = line.split("\t", -1);
                operations.add(new Operation(ServiceSocle.valueOf(fields[0]), fields[1], fields[2], new byte[0]));
            }
            return new MixedWorkload(operations, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
