package fr.duiconnect.core.indicators;

import fr.duiconnect.core.config.JournalConfig;
import fr.duiconnect.core.internal.journal.JdbcInboundLedger;
import fr.duiconnect.core.internal.journal.JdbcUsageIndicators;
import fr.duiconnect.core.internal.journal.JournalDatabase;
import fr.duiconnect.core.internal.journal.OutboxJournal;
import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.OutboundRequest;
import fr.duiconnect.core.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ESMS numérique usage indicators, computed from what the journal delivered and received in the month. */
class UsageIndicatorsTest {

    private static final String FINESS = "750000010";
    private static final String OTHER_FINESS = "920000016";
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant IN_NOVEMBER = Instant.parse("2026-11-10T10:00:00Z");
    private static final Instant IN_OCTOBER = Instant.parse("2026-10-20T10:00:00Z");

    @TempDir
    Path dir;

    static List<TestDatabases.Kind> databases() {
        return TestDatabases.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ratesArePercentagesOfThePersonsAccompaniedInTheMonthAndStructure(TestDatabases.Kind kind) {
        JournalConfig config = TestDatabases.journal(kind, dir);
        try (JournalDatabase database = JournalDatabase.open(config)) {
            OutboxJournal journal = new OutboxJournal(database);
            deliver(journal, "mssante.send", FINESS, "p1", 3, IN_NOVEMBER);
            deliver(journal, "mssante.send", FINESS, "p2", 4, IN_NOVEMBER);
            deliver(journal, "mssante.send", FINESS, "p3", 5, IN_OCTOBER);         // another month
            deliver(journal, "mssante.send", OTHER_FINESS, "p4", 6, IN_NOVEMBER);  // another structure
            deliver(journal, "dmp.deposit", FINESS, "p1", 2, IN_NOVEMBER);         // 2 documents, one person
            deliver(journal, "dmp.replace", FINESS, "p2", 1, IN_NOVEMBER);
            deliver(journal, "eparcours.post", FINESS, "p1", 2, IN_NOVEMBER);
            accept(journal, "mssante.send", FINESS, "never-delivered", IN_NOVEMBER); // still pending: not counted
            JdbcInboundLedger ledger = new JdbcInboundLedger(database, Clock.fixed(IN_NOVEMBER, ZoneOffset.UTC));
            ledger.record("eprescription.import", "RX-1", "1", FINESS, "p1");
            ledger.record("eprescription.import", "RX-1", "2", FINESS, "p1");    // an update, not a new import
            ledger.record("eprescription.import", "RX-2", "1", FINESS, "p2");
            ledger.record("eparcours.note", "N-1", "1", FINESS, "p1");

            JdbcUsageIndicators indicators = new JdbcUsageIndicators(database, Clock.systemUTC());
            indicators.recordActivity(FINESS, NOVEMBER, new ActivityCounts(10, 9, 6, 8));
            MonthlyIndicators november = indicators.compute(FINESS, NOVEMBER, Targets.ESMS_NUMERIQUE);

            assertThat(november.mssanteMessagesSent()).isEqualTo(7);
            assertThat(november.mssanteRate()).isEqualTo(70.0);
            assertThat(november.documentsDeposited()).isEqualTo(3);
            assertThat(november.personsWithDmpDocument()).isEqualTo(2);
            assertThat(november.dmpRate()).isEqualTo(20.0);
            assertThat(november.eprescriptionsImported()).isEqualTo(2);
            assertThat(november.eparcoursExchanges()).isEqualTo(3);
            assertThat(november.activeRecordsRate()).isEqualTo(90.0);
            assertThat(november.activeRecordsWithProjectRate()).isEqualTo(66.7);
            assertThat(november.activeRecordsWithEventRate()).isEqualTo(88.9);
            assertThat(MonthlyIndicators.meets(november.mssanteRate(), november.targets().mssanteRate())).isTrue();
            assertThat(MonthlyIndicators.meets(november.dmpRate(), november.targets().dmpRate())).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutTheDuiCountsTheRatesAreUnknownNotZero(TestDatabases.Kind kind) {
        try (JournalDatabase database = JournalDatabase.open(TestDatabases.journal(kind, dir))) {
            deliver(new OutboxJournal(database), "mssante.send", FINESS, "p1", 1, IN_NOVEMBER);
            List<MonthlyIndicators> series = new JdbcUsageIndicators(database, Clock.systemUTC())
                    .series(FINESS, YearMonth.of(2026, 10), NOVEMBER, Targets.ESMS_NUMERIQUE);

            assertThat(series).extracting(MonthlyIndicators::month).containsExactly(YearMonth.of(2026, 10), NOVEMBER);
            assertThat(series.get(1).mssanteMessagesSent()).isEqualTo(1);
            assertThat(series.get(1).mssanteRate()).isNull();
            assertThat(series.get(1).personsAccompanied()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void activityCountsMustBeConsistent(TestDatabases.Kind kind) {
        assertThatThrownBy(() -> new ActivityCounts(10, 5, 6, 1)).hasMessageContaining("activityCounts");
        assertThatThrownBy(() -> new Targets(120, 70, 90)).hasMessageContaining("targets");
    }

    private static void deliver(OutboxJournal journal, String kind, String finess, String person, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            accept(journal, kind, finess, person + "-" + kind + "-" + i + "-" + at, at);
        }
        List<JournaledOperation> claimed = journal.claimDue("test", Set.of(kind), 100, at, Duration.ofMinutes(1));
        for (JournaledOperation operation : claimed) {
            journal.markDelivered(operation.operationId(), "test", DeliveryOutcome.acked("r"), at);
        }
    }

    private static void accept(OutboxJournal journal, String kind, String finess, String key, Instant at) {
        String person = key.split("-")[0];
        journal.accept(new OutboundRequest(kind, key, finess, "actor", person, "text/plain", new byte[] {1}, Map.of()), at);
    }
}
