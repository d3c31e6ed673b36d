package fr.duiconnect.dmp.cda;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers read when documents were accepted, kept until their delivery in the same process takes them: a
 * delivery then neither parses the CDA again (a tenth of a deposit's own CPU, flight recording of
 * {@code bench dlu-deposit}) nor trusts anything but the bytes it delivers — an entry is found by the SHA-256 of
 * the journaled document, so another document never gets this one's header. Bounded (the oldest go first); a
 * delivery that finds nothing (a restart, a retry, a backlog larger than the bound) reads the header as before.
 * Thread-safe.
 */
public final class AcceptedHeaders {

    static final int CAPACITY = 256;

    private final Map<String, CdaHeader> byDigest = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CdaHeader> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Reads the header of a document being accepted, and keeps it for the delivery. */
    public CdaHeader read(byte[] cda) {
        CdaHeader header = CdaHeaderReader.read(cda);
        String digest = digest(cda);
        synchronized (byDigest) {
            byDigest.put(digest, header);
        }
        return header;
    }

    /** The header of a document being delivered: the one read at acceptance if still kept (and then forgotten), else read now. */
    public CdaHeader take(byte[] cda) {
        CdaHeader kept;
        String digest = digest(cda);
        synchronized (byDigest) {
            kept = byDigest.remove(digest);
        }
        return kept != null ? kept : CdaHeaderReader.read(cda);
    }

    int size() {
        synchronized (byDigest) {
            return byDigest.size();
        }
    }

    private static String digest(byte[] cda) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cda));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
