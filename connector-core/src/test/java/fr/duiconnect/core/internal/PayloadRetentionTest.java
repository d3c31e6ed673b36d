package fr.duiconnect.core.internal;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.TransportException;
import fr.duiconnect.core.internal.journal.JournalDatabase;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal keeps the body of a delivered operation for {@code dui.journal.payload.retention}, then removes it; the
 * operation's row, status and audit stay, and no body is removed that may still be sent or looked at by an operator.
 */
class PayloadRetentionTest {

    private static final String KIND = "dmp.deposit";
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    @TempDir
    Path dir;
    private JournalDatabase database;
    private OutboxJournal journal;

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private PayloadRetention openJournal(TestDatabases.Kind kind) {
        database = JournalDatabase.open(TestDatabases.journal(kind, dir));
        journal = new OutboxJournal(database);
        return new PayloadRetention(journal, RETENTION, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_body_delivered_longer_ago_than_the_retention_is_removed_and_its_status_stays(TestDatabases.Kind kind) {
        PayloadRetention retention = openJournal(kind);
        UUID acked = delivered("acked", DeliveryOutcome.acked("doc-1"), NOW.minus(RETENTION).minusSeconds(60));
        UUID sent = delivered("sent", DeliveryOutcome.sent("<msg-1@dui>"), NOW.minus(RETENTION).minusSeconds(60));

        assertThat(retention.pass()).isEqualTo(2);

        assertThat(hasBody(acked)).isFalse();
        assertThat(hasBody(sent)).isFalse();
        assertThat(journal.status(acked).orElseThrow().state()).isEqualTo(OperationState.ACKED);
        assertThat(journal.status(sent).orElseThrow().state()).isEqualTo(OperationState.SENT);
        // A late acknowledgement naming the message finds no body to check it against, and says so by finding nothing.
        assertThat(journal.findDelivered(KIND, "<msg-1@dui>")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_body_delivered_within_the_retention_stays(TestDatabases.Kind kind) {
        PayloadRetention retention = openJournal(kind);
        UUID recent = delivered("recent", DeliveryOutcome.sent("<msg-2@dui>"), NOW.minus(RETENTION).plusSeconds(60));

        assertThat(retention.pass()).isZero();

        assertThat(hasBody(recent)).isTrue();
        assertThat(journal.findDelivered(KIND, "<msg-2@dui>")).map(op -> new String(op.payload(), StandardCharsets.UTF_8))
                .contains("body of recent");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pending_and_failed_operations_keep_their_body_whatever_their_age(TestDatabases.Kind kind) {
        PayloadRetention retention = openJournal(kind);
        Instant longAgo = NOW.minus(Duration.ofDays(400));
        UUID pending = accept("pending", longAgo);
        UUID failed = accept("failed", longAgo);
        journal.claimDue("node", List.of(KIND), 10, longAgo, Duration.ofMinutes(1));
        journal.markAttemptFailed(failed, "node", new TransportException(CoreErrorCode.TLS, "refused", null), false,
                Duration.ZERO, longAgo);

        assertThat(retention.pass()).isZero();

        assertThat(hasBody(pending)).isTrue();
        assertThat(hasBody(failed)).isTrue();
        assertThat(journal.status(failed).orElseThrow().state()).isEqualTo(OperationState.FAILED);
    }

    @Test
    void a_pass_removes_every_body_due_batch_after_batch() {
        PayloadRetention retention = openJournal(TestDatabases.Kind.H2);
        int count = PayloadRetention.BATCH * 2 + 3;
        for (int i = 0; i < count; i++) {
            delivered("bulk-" + i, DeliveryOutcome.acked("doc-" + i), NOW.minus(RETENTION).minusSeconds(60));
        }

        assertThat(retention.pass()).isEqualTo(count);
        assertThat(retention.pass()).isZero();
    }

    private UUID accept(String key, Instant at) {
        return journal.accept(new OutboundRequest(KIND, key, "010000000", "810000000001", null, "text/plain",
                ("body of " + key).getBytes(StandardCharsets.UTF_8), Map.of()), at).operationId();
    }

    private UUID delivered(String key, DeliveryOutcome outcome, Instant at) {
        UUID id = accept(key, at.minusSeconds(5));
        assertThat(journal.claimDue("node", List.of(KIND), 1, at.minusSeconds(1), Duration.ofMinutes(1)))
                .extracting(op -> op.operationId()).containsExactly(id);
        assertThat(journal.markDelivered(id, "node", outcome, at)).isTrue();
        return id;
    }

    private boolean hasBody(UUID id) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM outbox_payload WHERE operation_id = ?")) {
            statement.setString(1, id.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
