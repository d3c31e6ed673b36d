package fr.duiconnect.cli.bench;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench startup}: the start-up cost of each module, as a user pays it: the wall time from launching a
 * connector JVM ({@link StartupProbe}) to the connector ready (usable: the FHIR validators build in the background),
 * and to every service prepared (FHIR validators built, with the heap then), core only and then one module more at a
 * time (ins, dmp, mssante, eprescription, eparcours, annuaire), median of several runs, against the sandbox's simulators.
 */
public final class StartupCosts {

    private StartupCosts() {
    }

    public static void run(PrintWriter out, Path directory, int runs) throws Exception {
        try (Sandbox sandbox = Sandbox.start(directory, EnumSet.allOf(ServiceSocle.class), false)) {
            Set<ServiceSocle> included = EnumSet.noneOf(ServiceSocle.class);
            long previous = -1;
            List<ServiceSocle> order = new ArrayList<>();
            order.add(null);   // core only
            order.addAll(Arrays.asList(ServiceSocle.values()));
            for (ServiceSocle added : order) {
                if (added != null) {
                    included.add(added);
                }
                Path config = sandbox.propertiesFileWith("startup-" + (added == null ? "core" : added.key()) + ".properties", without(sandbox, included));
                long[] wall = new long[runs];
                long[] inMain = new long[runs];
                long[] prepared = new long[runs];
                long[] heap = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    try (ChildJvm probe = ChildJvm.start(sandbox.directory().resolve("startup.log"), StartupProbe.class, config.toString())) {
                        String[] ready = probe.awaitLine("READY", Duration.ofMinutes(10)).split(" ");
                        wall[i] = (System.nanoTime() - start) / 1_000_000;
                        inMain[i] = Long.parseLong(ready[1]);
                        String[] done = probe.awaitLine("PREPARED", Duration.ofMinutes(10)).split(" ");
                        prepared[i] = (System.nanoTime() - start) / 1_000_000;
                        heap[i] = Long.parseLong(done[2]);
                    }
                }
                long median = median(wall);
                out.println(String.format(Locale.ROOT,
                        "%-16s ready in %5d ms (median of %d; building the connector %5d ms)%s; every service prepared in %5d ms, heap %4d MB",
                        added == null ? "core only" : "+" + added.key(), median, runs, median(inMain),
                        previous < 0 ? "" : String.format(Locale.ROOT, " — the module adds %+d ms", median - previous),
                        median(prepared), median(heap)));
                out.flush();
                previous = median;
            }
        }
    }

    /** The sandbox's properties without the endpoints of the services not included (their modules then do not start). */
    private static Map<String, String> without(Sandbox sandbox, Set<ServiceSocle> included) throws Exception {
        java.util.Properties all = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(sandbox.propertiesFile())) {
            all.load(reader);
        }
        Map<String, String> removed = new HashMap<>();
        for (ServiceSocle socle : ServiceSocle.values()) {
            if (!included.contains(socle)) {
                all.stringPropertyNames().stream().filter(key -> key.startsWith("dui." + socle.key() + ".")).forEach(key -> removed.put(key, null));
            }
        }
        return removed;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
