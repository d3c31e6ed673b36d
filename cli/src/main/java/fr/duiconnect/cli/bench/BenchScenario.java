package fr.duiconnect.cli.bench;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.util.Set;

/**
 * A named benchmark of {@code dui-connect bench <name>}, run against the embedded sandbox; found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/fr.duiconnect.cli.bench.BenchScenario}).
 */
public interface BenchScenario {

    /** e.g. {@code dlu-deposit}, {@code mssante-send}, {@code ins-search}. */
    String name();

    String description();

    /** The simulators it needs. */
    Set<ServiceSocle> services();

    /** Prepares the run (fixtures, warm caches); called once. */
    void setUp(DuiConnector connector, Sandbox sandbox) throws Exception;

    /** Connector properties this scenario needs beside the sandbox's (e.g. the DMP module's terminology from the kit). */
    default java.util.Map<String, String> connectorProperties() {
        return java.util.Map.of();
    }

    /**
     * Builds, before the timed part, whatever the {@code operations} calls to come (warm-up included) will send:
     * baselines replay requests prepared here so that only the exchange is measured.
     */
    default void prepare(int operations) throws Exception {
    }

    /**
     * True when what {@link #prepare} builds expires (a VIHF is valid five minutes): the runner then prepares for the
     * warm-up, warms up, and prepares again for the timed operations, instead of building everything first.
     */
    default boolean preparedRequestsExpire() {
        return false;
    }

    /** One measured operation; must complete it (e.g. wait until a journaled operation is delivered). */
    void run(int index) throws Exception;

    /** What the scenario measured beside throughput and latency (e.g. a simulator's own cost), printed after the run. */
    default String notes() {
        return "";
    }

    /**
     * What the simulators measured, read in the process that runs them ({@code --client-jvm}: the scenario ran in
     * another JVM, so its own {@link #notes()} cannot see them).
     */
    default String simulatorNotes(Sandbox sandbox) {
        return "";
    }

    /**
     * The scenario for the {@code index}-th of several connector processes sharing the work ({@code --processes}):
     * this one, unless each process must work on data of its own.
     */
    default BenchScenario forProcess(int index) {
        return this;
    }

    /** The same, when it needs the run's figures (e.g. a projection from the throughput). */
    default String notes(BenchResult result) {
        return notes();
    }
}
