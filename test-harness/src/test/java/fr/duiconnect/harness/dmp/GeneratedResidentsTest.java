package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.dmp.cda.CdaFinding;
import fr.duiconnect.dmp.cda.CdaProfile;
import fr.duiconnect.dmp.cda.CdaValidator;
import fr.duiconnect.dmp.document.CdaDocumentWriter;
import fr.duiconnect.dmp.document.Terminology;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resident and liaison letter the API accepts gives a document the ANS kit passes and the DMP registers; every
 * one it refuses is refused before anything is written or journaled, naming the field. Residents and letters come
 * from a seeded generator ({@code -Ddui.generated.seed}, {@code -Ddui.generated.residents} to explore further); the
 * counts per rule are printed. Kit checks run in-process on every document (schema, volet, structuration minimale,
 * body profiles); the deposit through the DMP simulator (which validates again) is done for one document in ten,
 * since each is a full journaled ITI-41 exchange.
 */
class GeneratedResidentsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.DMP);

    private static final long SEED = Long.getLong("dui.generated.seed", 20_261_130L);
    private static final int RESIDENTS = Integer.getInteger("dui.generated.residents", 500);
    private static final int LETTERS = Integer.getInteger("dui.generated.letters", 120);
    private static final int DEPOSIT_EVERY = 10;
    /** The one ANS-model assertion a DLU without any embedded document fails (S_documentsAjoutes_ANS, FR-Document-attache). */
    private static final String NO_ATTACHMENT = "1.2.250.1.213.1.1.3.18";
    private static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDEC");

    private static final Path KIT = Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit");
    private final CdaValidator validator = CdaValidator.shared(KIT);
    private final CdaDocumentWriter writer = new CdaDocumentWriter(
            Clock.fixed(GeneratedResidents.TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant(), ZoneId.of("Europe/Paris")),
            CdaDocumentWriter.DEFAULT_MAX_ATTACHMENT_BYTES, Terminology.fromKit(KIT));

    /** What happened to the generated inputs: written, or refused per rule (field without indices, error code). */
    private static final class Tally {
        int written;
        final Map<String, Integer> refused = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        final Map<OperationReceipt, String> deposits = new LinkedHashMap<>();
        /** Kit validations run beside the writing, on every core: the validator is thread-safe. */
        final ExecutorService validations = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        final List<Future<List<String>>> pending = new ArrayList<>();

        void validate(CdaValidator validator, byte[] cda, Predicate<CdaFinding> counts, String what) {
            pending.add(validations.submit(() -> validator.validate(cda, EnumSet.allOf(CdaProfile.class)).findings().stream().filter(counts)
                    .limit(3).map(f -> what + ": [" + f.source() + "] " + f.text() + " at " + f.location()).toList()));
        }

        /** Waits for the validations, adding their failures. */
        void validated() throws Exception {
            for (Future<List<String>> result : pending) {
                failures.addAll(result.get());
            }
            validations.shutdown();
        }

        void refused(DuiConnectException e, String what) {
            if (e.field().isEmpty()) {
                failures.add(what + ": refused without naming a field: " + e.getMessage());
                return;
            }
            refused.merge(e.code() + " " + e.field().get().replaceAll("\\[\\d+]", "[]"), 1, Integer::sum);
        }

        int refusals() {
            return refused.values().stream().mapToInt(Integer::intValue).sum();
        }

        void print(String title) {
            System.out.printf("%s: %d written, %d refused%n", title, written, refusals());
            refused.forEach((rule, count) -> System.out.printf("  refused %4d × %s%n", count, rule));
        }
    }

    @Test
    void everyGeneratedResidentIsRefusedNamingAFieldOrWrittenValidAndRegistered(DuiConnector connector) throws Exception {
        GeneratedResidents generator = new GeneratedResidents(SEED, Sandbox.TEST_FINESS);
        Tally tally = new Tally();
        for (int i = 0; i < RESIDENTS; i++) {
            String what = "resident #" + i + " (seed " + SEED + ")";
            ResidentRecord resident = built(generator::resident, tally, what);
            if (resident == null) {
                continue;
            }
            GeneratedCda dlu;
            try {
                dlu = writer.dlu(resident, null);
            } catch (DuiConnectException e) {
                tally.refused(e, what);
                continue;
            }
            tally.written++;
            boolean embedsADocument = resident.attachedDocuments().stream().anyMatch(d -> d.hasPdf());
            tally.validate(validator, dlu.xml(), f -> embedsADocument || !f.text().contains(NO_ATTACHMENT), what);
            if (tally.written % DEPOSIT_EVERY == 1) {
                tally.deposits.put(connector.dmp().deposit(DmpDeposit.of(dlu.xml(), resident.person(), RECORDED)), what);
            }
        }
        tally.validated();
        awaitRegistered(connector, tally);
        tally.print("Generated residents (DLU, seed " + SEED + ")");
        assertThat(tally.failures).isEmpty();
        assertThat(tally.written).as("most generated residents are valid ones").isGreaterThan(RESIDENTS / 2);
        assertThat(tally.refusals()).as("the generator also tries what the pre-checks refuse").isPositive();
    }

    @Test
    void everyGeneratedLiaisonLetterIsRefusedNamingAFieldOrWrittenValidAndRegistered(DuiConnector connector) throws Exception {
        GeneratedResidents generator = new GeneratedResidents(SEED + 1, Sandbox.TEST_FINESS);
        Tally tally = new Tally();
        Map<LiaisonLetter.LiaisonLetterKind, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < LETTERS; i++) {
            String what = "letter #" + i + " (seed " + (SEED + 1) + ")";
            LiaisonLetter letter = built(generator::letter, tally, what);
            if (letter == null) {
                continue;
            }
            GeneratedCda cda;
            try {
                cda = writer.liaisonLetter(letter, null);
            } catch (DuiConnectException e) {
                tally.refused(e, what);
                continue;
            }
            tally.written++;
            kinds.merge(letter.kind(), 1, Integer::sum);
            tally.validate(validator, cda.xml(), f -> true, what);
            if (tally.written % DEPOSIT_EVERY == 1) {
                tally.deposits.put(connector.dmp().deposit(DmpDeposit.of(cda.xml(), letter.person(), RECORDED)), what);
            }
        }
        tally.validated();
        awaitRegistered(connector, tally);
        tally.print("Generated liaison letters " + kinds + " (seed " + (SEED + 1) + ")");
        assertThat(tally.failures).isEmpty();
        assertThat(kinds).containsOnlyKeys(LiaisonLetter.LiaisonLetterKind.values());
        assertThat(tally.written).isGreaterThan(LETTERS / 2);
    }

    /** A generated input, or null when a record constructor refused it (counted, with its field). */
    private static <T> T built(Supplier<T> generated, Tally tally, String what) {
        try {
            return generated.get();
        } catch (DuiConnectException e) {
            tally.refused(e, what);
            return null;
        }
    }

    private static void awaitRegistered(DuiConnector connector, Tally tally) {
        assertThat(tally.deposits).as("some documents go through the DMP simulator").isNotEmpty();
        tally.deposits.forEach((receipt, what) -> {
            OperationStatus status = connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(120));
            if (status.state() != OperationState.ACKED) {
                tally.failures.add(what + ": deposit " + status.state() + " " + status.lastErrorCode() + " " + status.lastError());
            }
        });
        System.out.printf("  %d of them deposited and registered by the DMP simulator%n", tally.deposits.size());
    }
}
