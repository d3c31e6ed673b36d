package fr.duiconnect.core.internal.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.JournalException;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.OutboundRequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The durable outbox. An operation is PENDING from its commit until delivered (SENT/ACKED) or FAILED.
 * A dispatcher claims due operations with a lease ({@code claimed_by}, {@code claimed_until}); a claim is a
 * conditional update, so two dispatchers, in one process or in several sharing PostgreSQL, never hold the same
 * operation at once. A dispatcher that dies leaves its claim to expire, and the operation is resumed by whoever
 * claims it next: nothing is lost.
 *
 * <p>On PostgreSQL each commit that gives dispatchers work (an accept) or settles an operation also sends a
 * notification on the journal's channel, in the same transaction (so it is seen only once committed); the
 * processes sharing the journal listen to it ({@link JournalNotifications}) to start a delivery or wake a waiter at
 * once. H2 is single-process: there the in-process signals are enough.
 */
public final class OutboxJournal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATUS_COLUMNS = "id, kind, state, attempts, created_at, updated_at, next_attempt_at, "
            + "remote_reference, last_error_code, last_error";

    private final JournalDatabase database;
    private final String origin;

    /** A journal for tools and tests; its notifications carry a random origin. */
    public OutboxJournal(JournalDatabase database) {
        this(database, UUID.randomUUID().toString());
    }

    /** @param origin names this process's commits in the notifications, so that it can skip its own */
    public OutboxJournal(JournalDatabase database, String origin) {
        this.database = database;
        this.origin = origin;
    }

    public String origin() {
        return origin;
    }

    /** Commits the operation, or returns the earlier receipt for the same kind and idempotency key. */
    public OperationReceipt accept(OutboundRequest request, Instant now) {
        return accept(request, now, UUID.randomUUID());
    }

    /**
     * Commits the operation under the id given (chosen by the caller so that it can prepare for changes that follow
     * the commit at once), or returns the earlier receipt for the same kind and idempotency key.
     */
    public OperationReceipt accept(OutboundRequest request, Instant now, UUID id) {
        return accept(request, now, id, null);
    }

    /**
     * The same, with the acceptance's audit row in the same transaction: an accepted operation never lacks it, and the
     * acceptance costs one commit, not two (a commit is most of the journal's cost per operation on H2).
     */
    public OperationReceipt accept(OutboundRequest request, Instant now, UUID id, AuditEvent acceptance) {
        Optional<OperationReceipt> earlier = findByKey(request.kind(), request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            Sql.inTransaction(database, "accept the operation", connection -> {
                Sql.update(connection, "INSERT INTO outbox_operation (id, kind, idempotency_key, finess, actor, person, state, "
                                + "attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                        id.toString(), request.kind(), request.idempotencyKey(), request.finess(), request.actor(),
                        request.person(), now, now, now);
                Sql.update(connection, "INSERT INTO outbox_payload (operation_id, content_type, attributes, body) VALUES (?, ?, ?, ?)",
                        id.toString(), request.contentType(), toJson(request.attributes()), request.payload());
                if (acceptance != null) {
                    JdbcAuditStore.insert(connection, acceptance);
                }
                announce(connection, JournalNotifications.due(request.kind(), origin));
                return null;
            });
        } catch (JournalException e) {
            if (e.getCause() instanceof SQLException sql && Sql.isUniqueViolation(sql)) {
                // Another thread or process accepted the same key between our look-up and our insert.
                return findByKey(request.kind(), request.idempotencyKey()).orElseThrow(() -> e);
            }
            throw e;
        }
        return new OperationReceipt(id, request.kind(), request.idempotencyKey(), now, false);
    }

    private Optional<OperationReceipt> findByKey(String kind, String key) {
        return Sql.read(database, "look up the idempotency key", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, created_at FROM outbox_operation WHERE kind = ? AND idempotency_key = ?")) {
                Sql.bind(statement, kind, key);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new OperationReceipt(UUID.fromString(row.getString("id")), kind, key,
                            Sql.instant(row, "created_at"), true));
                }
            }
        });
    }

    /**
     * Claims up to {@code limit} due operations of the given kinds for {@code node}, for {@code lease}, oldest due
     * first. Expired claims (a dispatcher that died) count as due. For tools (benchmarks); the dispatcher claims
     * one at a time with {@link #claimNext}.
     */
    public List<JournaledOperation> claimDue(String node, Collection<String> kinds, int limit, Instant now, Duration lease) {
        List<JournaledOperation> claimed = new ArrayList<>();
        for (String kind : kinds) {
            while (claimed.size() < limit) {
                Optional<JournaledOperation> next = claimNext(node, kind, null, Set.of(), now, lease);
                if (next.isEmpty()) {
                    break;
                }
                claimed.add(next.get());
            }
        }
        return claimed;
    }

    /**
     * A claim that finds the previous claim still set (it expired: its process died or overran its lease) cannot know
     * whether that delivery reached the peer. In an UPDATE's SET, claimed_until is the row's value before the update.
     */
    private static final String EXPIRED_CLAIM_LEAVES_OUTCOME_UNKNOWN = "outcome_unknown = (outcome_unknown OR claimed_until IS NOT NULL)";
    private static final String DUE = "state = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)";

    /**
     * Claims one due operation of the kind for {@code node}, for {@code lease}: the oldest due one of the first
     * structure after {@code afterStructure} in FINESS order that has due work (wrapping round to the first
     * structure; null starts there), skipping the structures in {@code saturated}. Successive claims that pass the
     * previous claim's structure thus go round-robin over the structures with due work. An operation without FINESS
     * counts as the structure {@code ""}, before all others.
     */
    public Optional<JournaledOperation> claimNext(String node, String kind, String afterStructure, Set<String> saturated,
                                                  Instant now, Duration lease) {
        Optional<String> id = Optional.empty();
        if (afterStructure != null) {
            id = claimOne(node, kind, afterStructure, saturated, now, now.plus(lease));
        }
        if (id.isEmpty()) {
            id = claimOne(node, kind, null, saturated, now, now.plus(lease));
        }
        return id.map(this::load);
    }

    /** The structure an operation is fair-shared under: its FINESS, or {@code ""} when it has none. */
    public static String structureOf(JournaledOperation operation) {
        return operation.finess() == null ? "" : operation.finess();
    }

    private Optional<String> claimOne(String node, String kind, String after, Set<String> saturated, Instant now, Instant until) {
        StringBuilder where = new StringBuilder(DUE).append(" AND kind = ?");
        List<Object> values = new ArrayList<>(List.of(now, now, kind));
        if (after != null) {
            where.append(" AND finess > ?");
            values.add(after);
        }
        if (!saturated.isEmpty()) {
            where.append(" AND COALESCE(finess, '') NOT IN (").append(placeholders(saturated)).append(")");
            values.addAll(saturated);
        }
        String candidate = "SELECT id FROM outbox_operation WHERE " + where + " ORDER BY finess NULLS FIRST, next_attempt_at LIMIT 1";
        return database.isPostgres()
                ? claimWithSkipLocked(node, candidate, values, now, until)
                : claimConditionally(node, candidate, values, now, until);
    }

    /** PostgreSQL: one statement; a row another dispatcher is claiming is skipped, not waited for. */
    private Optional<String> claimWithSkipLocked(String node, String candidate, List<Object> values, Instant now, Instant until) {
        String sql = "UPDATE outbox_operation SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1, updated_at = ?, " + EXPIRED_CLAIM_LEAVES_OUTCOME_UNKNOWN + " "
                + "WHERE id = (" + candidate + " FOR UPDATE SKIP LOCKED) RETURNING id";
        List<Object> all = new ArrayList<>(List.of(node, until, now));
        all.addAll(values);
        return Sql.inTransaction(database, "claim a due operation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Sql.bind(statement, all.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    return ids(rows).stream().findFirst();
                }
            }
        });
    }

    /**
     * Portable path (H2): read the candidate, then claim it with a conditional update that only one claimer wins;
     * a claimer that loses the race (another connector on the same journal) looks again.
     */
    private Optional<String> claimConditionally(String node, String candidate, List<Object> values, Instant now, Instant until) {
        for (int round = 0; round < 10; round++) {
            List<String> found = Sql.read(database, "find a due operation", connection -> {
                try (PreparedStatement statement = connection.prepareStatement(candidate)) {
                    Sql.bind(statement, values.toArray());
                    try (ResultSet rows = statement.executeQuery()) {
                        return ids(rows);
                    }
                }
            });
            if (found.isEmpty()) {
                return Optional.empty();
            }
            String id = found.get(0);
            int updated = Sql.inTransaction(database, "claim an operation", connection -> Sql.update(connection,
                    "UPDATE outbox_operation SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1, updated_at = ?, " + EXPIRED_CLAIM_LEAVES_OUTCOME_UNKNOWN + " "
                            + "WHERE id = ? AND " + DUE, node, until, now, id, now, now));
            if (updated == 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /**
     * When the next pending operation of the kind outside {@code saturated} becomes claimable: its retry time, or
     * the end of the lease that holds it. Empty when none is pending.
     */
    public Optional<Instant> nextDueAt(String kind, Set<String> saturated) {
        StringBuilder sql = new StringBuilder("SELECT MIN(CASE WHEN claimed_until IS NOT NULL AND claimed_until > next_attempt_at "
                + "THEN claimed_until ELSE next_attempt_at END) AS due FROM outbox_operation WHERE state = 'PENDING' AND kind = ?");
        List<Object> values = new ArrayList<>(List.of(kind));
        if (!saturated.isEmpty()) {
            sql.append(" AND COALESCE(finess, '') NOT IN (").append(placeholders(saturated)).append(")");
            values.addAll(saturated);
        }
        return Sql.read(database, "find the next due operation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                Sql.bind(statement, values.toArray());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.ofNullable(Sql.instant(row, "due")) : Optional.<Instant>empty();
                }
            }
        });
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    private static List<String> ids(ResultSet rows) throws SQLException {
        List<String> ids = new ArrayList<>();
        while (rows.next()) {
            ids.add(rows.getString(1));
        }
        return ids;
    }

    /** The structure an operation was made for (its FINESS), without loading its payload; empty if it names none. */
    public Optional<String> finessOf(UUID operationId) {
        return Sql.read(database, "read an operation's structure", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT finess FROM outbox_operation WHERE id = ?")) {
                Sql.bind(statement, operationId.toString());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * The operation of this kind whose remote reference (e.g. a Message-ID) is the given one, if any, and if its body is
     * still in the journal ({@link #purgeDeliveredPayloads}).
     */
    public Optional<JournaledOperation> findDelivered(String kind, String remoteReference) {
        Optional<String> id = Sql.read(database, "find an operation by remote reference", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT o.id FROM outbox_operation o JOIN outbox_payload p ON p.operation_id = o.id "
                            + "WHERE o.kind = ? AND o.remote_reference = ?")) {
                Sql.bind(statement, kind, remoteReference);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return id.map(this::load);
    }

    private JournaledOperation load(String id) {
        return Sql.read(database, "load an operation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT o.id, o.kind, o.idempotency_key, o.finess, o.actor, o.person, o.attempts, o.created_at, "
                            + "p.content_type, p.attributes, p.body FROM outbox_operation o "
                            + "JOIN outbox_payload p ON p.operation_id = o.id WHERE o.id = ?")) {
                Sql.bind(statement, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new JournalException("operation " + id + " vanished while claimed", null);
                    }
                    return new JournaledOperation(UUID.fromString(row.getString("id")), row.getString("kind"),
                            row.getString("idempotency_key"), row.getString("finess"), row.getString("actor"),
                            row.getString("person"), row.getString("content_type"), row.getBytes("body"),
                            fromJson(row.getString("attributes")), row.getInt("attempts"), Sql.instant(row, "created_at"));
                }
            }
        });
    }

    /**
     * Removes the bodies of operations delivered before {@code deliveredBefore} (ACKED, or SENT and not acknowledged
     * since), at most {@code limit} in one transaction; their rows, statuses and audit stay. FAILED and pending
     * operations keep theirs (a pending one is still to be sent; a FAILED one waits for an operator). Returns how many
     * bodies were removed: fewer than {@code limit} means none is left to remove.
     */
    public int purgeDeliveredPayloads(Instant deliveredBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        // Chosen first, then deleted one by one: a DELETE whose subquery reads the table it deletes from saw its own
        // deletions on H2 and stopped short. The limit is a literal: FETCH FIRST takes no parameter on every database.
        return Sql.inTransaction(database, "remove delivered operations' bodies", connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT o.id FROM outbox_operation o "
                    + "JOIN outbox_payload p ON p.operation_id = o.id "
                    + "WHERE o.state IN ('ACKED', 'SENT') AND o.sent_at < ? FETCH FIRST " + limit + " ROWS ONLY")) {
                Sql.bind(select, deliveredBefore);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            int removed = 0;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_payload WHERE operation_id = ?")) {
                for (String id : ids) {
                    delete.setString(1, id);
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        });
    }

    /** Records a successful delivery. Returns false if the claim had been lost to another dispatcher. */
    public boolean markDelivered(UUID id, String node, DeliveryOutcome outcome, Instant now) {
        return markDelivered(id, node, outcome, now, null);
    }

    /**
     * Records a successful delivery and, in the same transaction, its audit event (when not null): whoever reads
     * the new state finds the audit row too. Returns false, recording nothing, if the claim had been lost.
     */
    public boolean markDelivered(UUID id, String node, DeliveryOutcome outcome, Instant now, AuditEvent audit) {
        int updated = Sql.inTransaction(database, "record a delivery", connection -> audited(connection, audit, settled(connection, id, Sql.update(connection,
                "UPDATE outbox_operation SET state = ?, remote_reference = ?, sent_at = ?, settled_at = ?, "
                        + "claimed_by = NULL, claimed_until = NULL, last_error_code = NULL, last_error = NULL, updated_at = ? "
                        + "WHERE id = ? AND state = 'PENDING' AND claimed_by = ?",
                outcome.state().name(), outcome.remoteReference(), now,
                outcome.state() == OperationState.ACKED ? now : null, now, id.toString(), node))));
        return updated == 1;
    }

    /**
     * Records a failed attempt: rescheduled after {@code retryDelay} when retryable and attempts remain,
     * otherwise FAILED. Returns the resulting state.
     */
    public OperationState markAttemptFailed(UUID id, String node, DuiConnectException error, boolean retry,
                                            Duration retryDelay, Instant now) {
        return markAttemptFailed(id, node, error, retry, retryDelay, now, null, false);
    }

    /** As below, for an attempt whose request cannot have reached the peer. */
    public OperationState markAttemptFailed(UUID id, String node, DuiConnectException error, boolean retry,
                                            Duration retryDelay, Instant now, AuditEvent failureAudit) {
        return markAttemptFailed(id, node, error, retry, retryDelay, now, failureAudit, false);
    }

    /**
     * Whether one of the operation's attempts may have reached the peer unheard: an attempt recorded so
     * ({@code mayHaveReachedThePeer} below), or a claim that expired before its outcome was recorded.
     */
    public boolean outcomeUnknown(UUID id) {
        return Sql.read(database, "read whether an operation's outcome is unknown", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT outcome_unknown FROM outbox_operation WHERE id = ?")) {
                Sql.bind(statement, id.toString());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    /**
     * As above; when the operation ends FAILED, {@code failureAudit} (if not null) commits with it. A rescheduled
     * attempt that {@code mayHaveReachedThePeer} (its answer timed out or was cut) marks the operation's outcome unknown.
     */
    public OperationState markAttemptFailed(UUID id, String node, DuiConnectException error, boolean retry,
                                            Duration retryDelay, Instant now, AuditEvent failureAudit, boolean mayHaveReachedThePeer) {
        String message = truncate(error.getMessage(), 1000);
        if (retry) {
            Sql.inTransaction(database, "reschedule an operation", connection -> Sql.update(connection,
                    "UPDATE outbox_operation SET next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, "
                            + "outcome_unknown = (outcome_unknown OR ?), "
                            + "last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'PENDING' AND claimed_by = ?",
                    now.plus(retryDelay), mayHaveReachedThePeer, error.code(), message, now, id.toString(), node));
            return OperationState.PENDING;
        }
        Sql.inTransaction(database, "fail an operation", connection -> audited(connection, failureAudit, settled(connection, id,
                Sql.update(connection,
                "UPDATE outbox_operation SET state = 'FAILED', settled_at = ?, claimed_by = NULL, claimed_until = NULL, "
                        + "last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'PENDING' AND claimed_by = ?",
                now, error.code(), message, now, id.toString(), node))));
        return OperationState.FAILED;
    }

    /** A later acknowledgement (DSN, MDN, notification) moves a SENT operation to ACKED or FAILED. */
    public Optional<UUID> acknowledge(String kind, String remoteReference, OperationState state, String detail, Instant now) {
        if (state != OperationState.ACKED && state != OperationState.FAILED) {
            throw new IllegalArgumentException("an acknowledgement settles an operation as ACKED or FAILED");
        }
        return Sql.inTransaction(database, "record an acknowledgement", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM outbox_operation WHERE kind = ? AND remote_reference = ?")) {
                Sql.bind(statement, kind, remoteReference);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<UUID>empty();
                    }
                    String id = row.getString(1);
                    int changed = settled(connection, UUID.fromString(id), Sql.update(connection,
                            "UPDATE outbox_operation SET state = ?, settled_at = ?, updated_at = ?, "
                                    + "last_error = CASE WHEN ? = 'FAILED' THEN ? ELSE last_error END "
                                    + "WHERE id = ? AND state IN ('SENT', 'ACKED')",
                            state.name(), now, now, state.name(), truncate(detail, 1000), id));
                    // An operation not (yet, or no longer) delivered is not moved: no state change to audit (#19).
                    return changed == 0 ? Optional.<UUID>empty() : Optional.of(UUID.fromString(id));
                }
            }
        });
    }

    public Optional<OperationStatus> status(UUID id) {
        return Sql.read(database, "read an operation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + STATUS_COLUMNS + " FROM outbox_operation WHERE id = ?")) {
                Sql.bind(statement, id.toString());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(toStatus(row)) : Optional.<OperationStatus>empty();
                }
            }
        });
    }

    public List<OperationStatus> list(OperationState state, int limit) {
        return Sql.read(database, "list operations", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + STATUS_COLUMNS + " FROM outbox_operation WHERE state = ? ORDER BY created_at LIMIT ?")) {
                Sql.bind(statement, state.name(), limit);
                try (ResultSet rows = statement.executeQuery()) {
                    List<OperationStatus> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(toStatus(rows));
                    }
                    return result;
                }
            }
        });
    }

    public boolean cancel(UUID id, String reason, Instant now) {
        return Sql.inTransaction(database, "cancel an operation", connection -> settled(connection, id, Sql.update(connection,
                "UPDATE outbox_operation SET state = 'FAILED', settled_at = ?, last_error_code = ?, last_error = ?, "
                        + "claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ? AND state = 'PENDING'",
                now, "CORE-CANCELLED", truncate("cancelled: " + reason, 1000), now, id.toString()))) == 1;
    }

    /** After an update that settles the operation: its audit row, when it changed one. */
    private static int audited(Connection connection, AuditEvent audit, int updated) throws SQLException {
        if (updated > 0 && audit != null) {
            JdbcAuditStore.insert(connection, audit);
        }
        return updated;
    }

    /** After an update that settles the operation: tells the other processes when it changed a row. */
    private int settled(Connection connection, UUID id, int updated) throws SQLException {
        if (updated > 0) {
            announce(connection, JournalNotifications.changed(id, origin));
        }
        return updated;
    }

    /** PostgreSQL: a notification sent with the transaction's commit (H2 has no other process to tell). */
    private void announce(Connection connection, String payload) throws SQLException {
        if (database.isPostgres()) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                Sql.bind(statement, database.notificationChannel(), payload);
                statement.execute();
            }
        }
    }

    /** Counts per state, for tests, benchmarks and the usage indicators. */
    public Map<OperationState, Long> countByState() {
        return Sql.read(database, "count operations", connection -> {
            Map<OperationState, Long> counts = new java.util.EnumMap<>(OperationState.class);
            for (OperationState state : OperationState.values()) {
                counts.put(state, 0L);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT state, COUNT(*) FROM outbox_operation GROUP BY state");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(OperationState.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
            return counts;
        });
    }

    private static OperationStatus toStatus(ResultSet row) throws SQLException {
        return new OperationStatus(UUID.fromString(row.getString("id")), row.getString("kind"),
                OperationState.valueOf(row.getString("state")), row.getInt("attempts"),
                Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"), Sql.instant(row, "next_attempt_at"),
                row.getString("remote_reference"), row.getString("last_error_code"), row.getString("last_error"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String toJson(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new JournalException("the operation attributes cannot be serialised", e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new JournalException("the operation attributes cannot be read", e);
        }
    }

    public static DuiConnectException unknown(UUID id) {
        return new DuiConnectException(CoreErrorCode.OPERATION_UNKNOWN, "operationId", "no operation " + id + " in the journal");
    }
}
