package fr.duiconnect.harness.reliability;

import fr.duiconnect.core.ServiceSocle;

/**
 * How one read of a workload ended ({@link MixedWorkload.Operation#readOn}): its service, its key and its outcome.
 * Written as one line by a connector process as soon as the read is done, so that a process started after a kill
 * does not read it again.
 */
public record ReadOutcome(ServiceSocle service, String key, String outcome) {

    private static final String PREFIX = "READ\t";

    /** An answer or a typed error: the read is not lost. */
    public boolean answered() {
        return outcome.startsWith("ANSWER") || outcome.startsWith("ERROR") || outcome.startsWith("AUDITED");
    }

    public String line() {
        return PREFIX + service + '\t' + key + '\t' + outcome.replaceAll("\\s+", " ");
    }

    /** A whole line: one cut by a kill (no outcome yet) is not a read done. */
    public static boolean isLine(String line) {
        return line.startsWith(PREFIX) && line.split("\t", -1).length == 4 && !line.endsWith("\t");
    }

    public static ReadOutcome parse(String line) {
        String[] fields = line.substring(PREFIX.length()).split("\t", -1);
        return new ReadOutcome(ServiceSocle.valueOf(fields[0]), fields[1], fields[2]);
    }
}
