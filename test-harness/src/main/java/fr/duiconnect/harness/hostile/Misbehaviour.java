package fr.duiconnect.harness.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** What a {@link HostilePeer} answers to each request. The factories cover the cases of issue #19. */
@FunctionalInterface
public interface Misbehaviour {

    void answer(OutputStream out) throws IOException, InterruptedException;

    /** A well-formed HTTP answer: status, content type, body. */
    record Answer(int status, String contentType, byte[] body) {

        byte[] head(long length) {
            return ("HTTP/1.1 " + status + " " + (status < 400 ? "OK" : "Error") + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    static Answer soap12(String envelope) {
        return new Answer(200, "application/soap+xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));
    }

    static Answer fhirJson(int status, String json) {
        return new Answer(status, "application/fhir+json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers as given, at once: for malformed answers (HTML error pages, truncated XML, wrong content type). */
    static Misbehaviour answer(Answer answer) {
        return out -> {
            out.write(answer.head(answer.body().length));
            out.write(answer.body());
        };
    }

    /**
     * The head at once, then the body one byte per {@code interval}: each read gets a byte well within any read
     * timeout, so only a deadline on the whole exchange ends the call.
     */
    static Misbehaviour drip(Answer answer, Duration interval) {
        return out -> {
            out.write(answer.head(answer.body().length));
            out.flush();
            for (byte b : answer.body()) {
                out.write(b);
                out.flush();
                Thread.sleep(interval.toMillis());
            }
        };
    }

    /**
     * An answer of {@code totalBytes}: {@code prefix}, then spaces (still well-formed so far, so only a size cap stops a
     * parser), then {@code suffix}. Streamed, so the peer itself needs no memory.
     */
    static Misbehaviour huge(int status, String contentType, String prefix, long totalBytes, String suffix) {
        return out -> {
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] end = suffix.getBytes(StandardCharsets.UTF_8);
            out.write(new Answer(status, contentType, new byte[0]).head(totalBytes));
            out.write(start);
            byte[] filler = new byte[64 * 1024];
            Arrays.fill(filler, (byte) ' ');
            long left = totalBytes - start.length - end.length;
            while (left > 0) {
                int n = (int) Math.min(left, filler.length);
                out.write(filler, 0, n);
                left -= n;
            }
            out.write(end);
        };
    }
}
