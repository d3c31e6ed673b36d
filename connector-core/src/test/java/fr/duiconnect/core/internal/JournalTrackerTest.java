package fr.duiconnect.core.internal;

import fr.duiconnect.core.internal.journal.JournalDatabase;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order listeners hear an operation's changes in. The commit of an acceptance wakes the dispatcher, which may
 * deliver before the accepting thread announces the acceptance: listeners must still hear PENDING first.
 */
class JournalTrackerTest {

    @TempDir
    Path dir;

    private JournalDatabase database;
    private OutboxJournal journal;
    private JournalTracker tracker;
    private final BlockingQueue<OperationStatus> heard = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() {
        database = JournalDatabase.open(TestDatabases.journal(TestDatabases.Kind.H2, dir));
        journal = new OutboxJournal(database);
        tracker = new JournalTracker(journal, Clock.systemUTC(), Duration.ofSeconds(30));
        tracker.subscribe(heard::add);
    }

    @AfterEach
    void close() {
        if (tracker != null) {
            tracker.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aDeliveryRecordedBeforeTheAcceptanceWasAnnouncedIsHeardAfterIt() throws Exception {

        UUID id = UUID.randomUUID();
        tracker.accepting(id);
        journal.accept(new OutboundRequest("test.dispatch", "key-1", "750000010", "actor", null, "text/plain",
                "x".getBytes(StandardCharsets.UTF_8), Map.of()), Instant.now(), id);
        // the dispatcher's thread, faster than the accepting one
        tracker.changed(id, OperationState.ACKED);
        tracker.accepted(id);

        List<OperationState> states = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            OperationStatus next = heard.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("change " + (i + 1)).isNotNull();
            states.add(next.state());
        }
        assertThat(states).containsExactly(OperationState.PENDING, OperationState.ACKED);
    }

    @Test
    void anIdThatWasNotCommittedHoldsNothingBack() throws Exception {

        UUID earlier = journal.accept(new OutboundRequest("test.dispatch", "key-1", "750000010", "actor", null, "text/plain",
                "x".getBytes(StandardCharsets.UTF_8), Map.of()), Instant.now()).operationId();
        UUID unused = UUID.randomUUID();
        tracker.accepting(unused);
        tracker.notAccepted(unused);
        tracker.changed(earlier, OperationState.PENDING);

        assertThat(heard.poll(10, TimeUnit.SECONDS)).extracting(OperationStatus::operationId).isEqualTo(earlier);
    }
}
