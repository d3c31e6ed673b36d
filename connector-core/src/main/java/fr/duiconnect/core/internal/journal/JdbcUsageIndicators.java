package fr.duiconnect.core.internal.journal;

import fr.duiconnect.core.indicators.ActivityCounts;
import fr.duiconnect.core.indicators.MonthlyIndicators;
import fr.duiconnect.core.indicators.Targets;
import fr.duiconnect.core.indicators.UsageIndicators;
import fr.duiconnect.core.indicators.UsageKinds;
import fr.duiconnect.core.model.Finess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Usage indicators computed from the outbox (what was delivered) and the inbound ledger (what was received). */
public final class JdbcUsageIndicators implements UsageIndicators {

    /** Months are counted in French metropolitan time, as the programme's establishments report them. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Paris");

    private static final String DELIVERED = "state IN ('SENT', 'ACKED')";

    private final JournalDatabase database;
    private final Clock clock;

    public JdbcUsageIndicators(JournalDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void recordActivity(String finess, YearMonth month, ActivityCounts counts) {
        Finess.of(finess);
        Instant now = clock.instant();
        Sql.inTransaction(database, "record activity counts", connection -> {
            Sql.update(connection, "DELETE FROM dui_activity WHERE finess = ? AND period_month = ?", finess, month.toString());
            Sql.update(connection, "INSERT INTO dui_activity (finess, period_month, persons_accompanied, active_records, "
                            + "active_with_project, active_with_event, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    finess, month.toString(), counts.personsAccompanied(), counts.activeRecords(),
                    counts.activeRecordsWithProject(), counts.activeRecordsWithEvent(), now);
            return null;
        });
    }

    @Override
    public MonthlyIndicators compute(String finess, YearMonth month, Targets targets) {
        Finess.of(finess);
        Instant from = month.atDay(1).atStartOfDay(PROGRAMME_ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(PROGRAMME_ZONE).toInstant();
        return Sql.read(database, "compute the usage indicators", connection -> {
            long messages = count(connection, "SELECT COUNT(*) FROM outbox_operation WHERE kind = ? AND " + DELIVERED
                    + " AND finess = ? AND sent_at >= ? AND sent_at < ?", UsageKinds.MSSANTE_SEND, finess, from, to);
            String dmp = "FROM outbox_operation WHERE kind IN (?, ?) AND " + DELIVERED + " AND finess = ? AND sent_at >= ? AND sent_at < ?";
            long documents = count(connection, "SELECT COUNT(*) " + dmp, UsageKinds.DMP_DEPOSIT, UsageKinds.DMP_REPLACE, finess, from, to);
            long persons = count(connection, "SELECT COUNT(DISTINCT person) " + dmp, UsageKinds.DMP_DEPOSIT, UsageKinds.DMP_REPLACE, finess, from, to);
            long prescriptions = count(connection, "SELECT COUNT(*) FROM inbound_record WHERE kind = ? AND finess = ? "
                    + "AND first_seen >= ? AND first_seen < ?", UsageKinds.EPRESCRIPTION_IMPORT, finess, from, to);
            long notesSent = count(connection, "SELECT COUNT(*) FROM outbox_operation WHERE kind LIKE ? AND " + DELIVERED
                    + " AND finess = ? AND sent_at >= ? AND sent_at < ?", UsageKinds.EPARCOURS_OUTBOUND_PREFIX + "%", finess, from, to);
            long notesReceived = count(connection, "SELECT COUNT(*) FROM inbound_record WHERE kind = ? AND finess = ? "
                    + "AND first_seen >= ? AND first_seen < ?", UsageKinds.EPARCOURS_NOTE_RECEIVED, finess, from, to);
            ActivityCounts activity = activity(connection, finess, month);
            Integer accompanied = activity == null ? null : activity.personsAccompanied();
            Integer active = activity == null ? null : activity.activeRecords();
            return new MonthlyIndicators(finess, month, accompanied,
                    messages, rate(messages, accompanied),
                    persons, rate(persons, accompanied), documents,
                    prescriptions, notesSent + notesReceived,
                    activity == null ? null : rate(activity.activeRecords(), accompanied),
                    activity == null ? null : rate(activity.activeRecordsWithProject(), active),
                    activity == null ? null : rate(activity.activeRecordsWithEvent(), active),
                    targets);
        });
    }

    @Override
    public List<MonthlyIndicators> series(String finess, YearMonth from, YearMonth to, Targets targets) {
        List<MonthlyIndicators> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(compute(finess, month, targets));
        }
        return months;
    }

    private static Double rate(long numerator, Integer denominator) {
        if (denominator == null || denominator == 0) {
            return null;
        }
        return Math.round(numerator * 1000.0 / denominator) / 10.0;
    }

    private static long count(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Sql.bind(statement, values);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static ActivityCounts activity(Connection connection, String finess, YearMonth month) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT persons_accompanied, active_records, "
                + "active_with_project, active_with_event FROM dui_activity WHERE finess = ? AND period_month = ?")) {
            Sql.bind(statement, finess, month.toString());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new ActivityCounts(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4)) : null;
            }
        }
    }
}
