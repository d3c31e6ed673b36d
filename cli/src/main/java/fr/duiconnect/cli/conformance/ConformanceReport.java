package fr.duiconnect.cli.conformance;

import fr.duiconnect.core.ServiceSocle;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The results of one conformance run, with a summary per service. */
public record ConformanceReport(Instant startedAt, String target, String software, List<ScenarioResult> results) {

    public ConformanceReport {
        results = List.copyOf(results);
    }

    public record Summary(int passed, int failed, int skipped) {
        public int total() {
            return passed + failed + skipped;
        }
    }

    public Map<ServiceSocle, Summary> summaryPerService() {
        Map<ServiceSocle, int[]> counts = new EnumMap<>(ServiceSocle.class);
        for (ScenarioResult result : results) {
            int[] c = counts.computeIfAbsent(result.scenario().service(), s -> new int[3]);
            c[result.verdict().ordinal()]++;
        }
        Map<ServiceSocle, Summary> summary = new EnumMap<>(ServiceSocle.class);
        counts.forEach((service, c) -> summary.put(service, new Summary(c[0], c[1], c[2])));
        return summary;
    }

    public Summary total() {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (ScenarioResult result : results) {
            switch (result.verdict()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        return new Summary(passed, failed, skipped);
    }

    public boolean passed() {
        return total().failed() == 0;
    }
}
