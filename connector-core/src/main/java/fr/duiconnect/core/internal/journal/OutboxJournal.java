package fr.duiconnect.core.internal.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;

/**
 * The durable outbox. An operation is PENDING from its commit until delivered (SENT/ACKED) or FAILED.
 * A dispatcher claims due operations with a lease ({@code claimed_by}, {@code claimed_until}); a claim is a
 * conditional update, so two dispatchers, in one process or in several sharing PostgreSQL, never hold the same
 * operation at once. A dispatcher that dies leaves its claim to expire, and the operation is resumed by whoever
 * claims it next: nothing is lost.
 */
public final class OutboxJournal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATUS_COLUMNS = "id, kind, state, attempts, created_at, updated_at, next_attempt_at, "
            + "remote_reference, last_error_code, last_error";

    private final JournalDatabase database;

    public OutboxJournal(JournalDatabase database) {
        this.database = database;
    }

    /** Commits the operation, or returns the earlier receipt for the same kind and idempotency key. */
    public OperationReceipt accept(OutboundRequest request, Instant now) {
        Optional<OperationReceipt> earlier = findByKey(request.kind(), request.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UUID id = UUID.randomUUID();
        try {
            Sql.inTransaction(database, "accept the operation", connection -> {
                Sql.update(connection, "INSERT INTO outbox_operation (id, kind, idempotency_key, finess, actor, person, state, "
                                + "attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                        id.toString(), request.kind(), request.idempotencyKey(), request.finess(), request.actor(),
                        request.person(), now, now, now);
                Sql.update(connection, "INSERT INTO outbox_payload (operation_id, content_type, attributes, body) VALUES (?, ?, ?, ?)",
                        id.toString(), request.contentType(), toJson(request.attributes()), request.payload());
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
     * Claims up to {@code limit} due operations of the given kinds for {@code node}, for {@code lease}.
     * Expired claims (a dispatcher that died) count as due.
     */
    public List<JournaledOperation> claimDue(String node, Collection<String> kinds, int limit, Instant now, Duration lease) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        Instant until = now.plus(lease);
        List<String> claimedIds = database.isPostgres()
                ? claimWithSkipLocked(node, kinds, limit, now, until)
                : claimOneByOne(node, kinds, limit, now, until);
        List<JournaledOperation> claimed = new ArrayList<>(claimedIds.size());
        for (String id : claimedIds) {
            claimed.add(load(id));
        }
        return claimed;
    }

    private static final String DUE = "state = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)";

    /** PostgreSQL: one statement; rows another dispatcher is claiming are skipped, not waited for. */
    private List<String> claimWithSkipLocked(String node, Collection<String> kinds, int limit, Instant now, Instant until) {
        String sql = "UPDATE outbox_operation SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1, updated_at = ? "
                + "WHERE id IN (SELECT id FROM outbox_operation WHERE " + DUE + " AND kind IN (" + placeholders(kinds) + ") "
                + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id";
        List<Object> values = new ArrayList<>(List.of(node, until, now, now, now));
        values.addAll(kinds);
        values.add(limit);
        return Sql.inTransaction(database, "claim due operations", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                Sql.bind(statement, values.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    return ids(rows);
                }
            }
        });
    }

    /** Portable path (H2): read candidates, then claim each with a conditional update that only one claimer wins. */
    private List<String> claimOneByOne(String node, Collection<String> kinds, int limit, Instant now, Instant until) {
        String select = "SELECT id FROM outbox_operation WHERE " + DUE + " AND kind IN (" + placeholders(kinds) + ") "
                + "ORDER BY next_attempt_at LIMIT ?";
        List<Object> values = new ArrayList<>(List.of(now, now));
        values.addAll(kinds);
        values.add(limit);
        List<String> candidates = Sql.read(database, "find due operations", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
                Sql.bind(statement, values.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    return ids(rows);
                }
            }
        });
        List<String> claimed = new ArrayList<>();
        for (String id : candidates) {
            int updated = Sql.inTransaction(database, "claim an operation", connection -> Sql.update(connection,
                    "UPDATE outbox_operation SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1, updated_at = ? "
                            + "WHERE id = ? AND " + DUE, node, until, now, id, now, now));
            if (updated == 1) {
                claimed.add(id);
            }
        }
        return claimed;
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

    /** The operation of this kind whose remote reference (e.g. a Message-ID) is the given one, if any. */
    public Optional<JournaledOperation> findDelivered(String kind, String remoteReference) {
        Optional<String> id = Sql.read(database, "find an operation by remote reference", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM outbox_operation WHERE kind = ? AND remote_reference = ?")) {
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

    /** Records a successful delivery. Returns false if the claim had been lost to another dispatcher. */
    public boolean markDelivered(UUID id, String node, DeliveryOutcome outcome, Instant now) {
        int updated = Sql.inTransaction(database, "record a delivery", connection -> Sql.update(connection,
                "UPDATE outbox_operation SET state = ?, remote_reference = ?, sent_at = ?, settled_at = ?, "
                        + "claimed_by = NULL, claimed_until = NULL, last_error_code = NULL, last_error = NULL, updated_at = ? "
                        + "WHERE id = ? AND state = 'PENDING' AND claimed_by = ?",
                outcome.state().name(), outcome.remoteReference(), now,
                outcome.state() == OperationState.ACKED ? now : null, now, id.toString(), node));
        return updated == 1;
    }

    /**
     * Records a failed attempt: rescheduled after {@code retryDelay} when retryable and attempts remain,
     * otherwise FAILED. Returns the resulting state.
     */
    public OperationState markAttemptFailed(UUID id, String node, DuiConnectException error, boolean retry,
                                            Duration retryDelay, Instant now) {
        String message = truncate(error.getMessage(), 1000);
        if (retry) {
            Sql.inTransaction(database, "reschedule an operation", connection -> Sql.update(connection,
                    "UPDATE outbox_operation SET next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, "
                            + "last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'PENDING' AND claimed_by = ?",
                    now.plus(retryDelay), error.code(), message, now, id.toString(), node));
            return OperationState.PENDING;
        }
        Sql.inTransaction(database, "fail an operation", connection -> Sql.update(connection,
                "UPDATE outbox_operation SET state = 'FAILED', settled_at = ?, claimed_by = NULL, claimed_until = NULL, "
                        + "last_error_code = ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'PENDING' AND claimed_by = ?",
                now, error.code(), message, now, id.toString(), node));
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
                    int changed = Sql.update(connection, "UPDATE outbox_operation SET state = ?, settled_at = ?, updated_at = ?, "
                                    + "last_error = CASE WHEN ? = 'FAILED' THEN ? ELSE last_error END "
                                    + "WHERE id = ? AND state IN ('SENT', 'ACKED')",
                            state.name(), now, now, state.name(), truncate(detail, 1000), id);
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
        return Sql.inTransaction(database, "cancel an operation", connection -> Sql.update(connection,
                "UPDATE outbox_operation SET state = 'FAILED', settled_at = ?, last_error_code = ?, last_error = ?, "
                        + "claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ? AND state = 'PENDING'",
                now, "CORE-CANCELLED", truncate("cancelled: " + reason, 1000), now, id.toString())) == 1;
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
