package fr.duiconnect.core.spi;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A peer's answer held to the exchange's deadline and to a size cap, for transports whose HTTP stack only knows a
 * per-read timeout: a peer that sends one byte just under the read timeout each time would otherwise hold the call
 * for ever, and one that sends a gigabyte would fill the memory. Every read checks both; {@link #expire()} (called by
 * an {@link ExchangeWatchdog} at the deadline) closes the underlying stream so that a read blocked on a silent peer
 * ends too. The first {@value #HEAD} bytes are kept, so a malformed answer can be shown in a one-line error.
 * One per exchange; reads on one thread, {@link #expire()} from another.
 */
public final class BoundedAnswer extends FilterInputStream {

    /** How much of the answer is kept for error messages. */
    public static final int HEAD = 200;

    private final long deadlineNanos;
    private final Duration budget;
    private final long maxBytes;
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long count;
    private volatile boolean expired;
    private Runnable onClose = () -> { };

    /**
     * @param deadlineNanos the exchange's deadline on the {@link System#nanoTime()} scale
     * @param budget        the whole exchange's budget, for the message
     * @param maxBytes      the answer's cap
     */
    public BoundedAnswer(InputStream in, long deadlineNanos, Duration budget, long maxBytes) {
        super(in);
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
        this.maxBytes = maxBytes;
    }

    /** What to do once the caller closes the answer (typically: disarm the exchange's watchdog alarm). */
    public BoundedAnswer onClose(Runnable action) {
        this.onClose = action;
        return this;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            onClose.run();
        }
    }

    /**
     * Marks the exchange ended without touching the underlying stream: for HTTP stacks whose stream, once closed,
     * reads the rest of the answer to reuse the connection (Apache HttpClient); abort the request there instead.
     */
    public void markExpired() {
        expired = true;
    }

    /** Ends the exchange now: the next (or the blocked) read fails with {@link DeadlinePassed}. */
    public void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // the stream is being abandoned: a failure to close it changes nothing for the caller
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkDeadline(null);
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            checkDeadline(e);
            throw e;
        }
        if (n > 0) {
            if (headLength < HEAD) {
                int kept = Math.min(n, HEAD - headLength);
                System.arraycopy(buffer, offset, head, headLength, kept);
                headLength += kept;
            }
            count += n;
            if (count > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
        checkDeadline(null);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(n, 8192)];
        int read = read(discard, 0, discard.length);
        return Math.max(read, 0);
    }

    private void checkDeadline(IOException cause) throws DeadlinePassed {
        if (expired || System.nanoTime() - deadlineNanos >= 0) {
            throw new DeadlinePassed(budget, cause);
        }
    }

    /** The answer's first bytes as text (at most {@value #HEAD}), for an error line. */
    public String head() {
        return new String(head, 0, headLength, StandardCharsets.UTF_8);
    }

    /** How many bytes have been read so far. */
    public long count() {
        return count;
    }

    /** The exchange's deadline passed while the answer was arriving. */
    public static final class DeadlinePassed extends IOException {
        private final transient Duration budget;

        public DeadlinePassed(Duration budget, Throwable cause) {
            super("the exchange did not complete within " + budget, cause);
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }
    }

    /** The answer passed its cap. */
    public static final class TooLarge extends IOException {
        private final long maxBytes;

        public TooLarge(long maxBytes) {
            super("the answer exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }
}
