package fr.duiconnect.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A misbehaving HTTP peer on a raw loopback socket, for the transports' deadline and answer-cap tests: it accepts one
 * connection, reads the request's head and writes whatever its {@link Answer} writes, as slowly or as much as that
 * likes. Plain HTTP is enough there (the transports are tested alone; the connector itself refuses cleartext); the
 * TLS peers of the sandbox are {@code harness.hostile.HostilePeer}, which modules below test-harness cannot use.
 * Published in core's test-jar so that every module tests its transport against the same peer.
 */
public final class RawLoopbackPeer implements AutoCloseable {

    /** What the peer writes once it has read the request's head. */
    @FunctionalInterface
    public interface Answer {
        void write(OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final Thread peer;
    private volatile String requestHead = "";

    private RawLoopbackPeer(Answer answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        peer = new Thread(() -> {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                requestHead = readRequestHead(in);
                answer.write(out);
            } catch (Exception ignored) {
                // the client hung up: that is what the tests expect it to do
            }
        }, "raw-loopback-peer");
        peer.setDaemon(true);
        peer.start();
    }

    public static RawLoopbackPeer answering(Answer answer) throws IOException {
        return new RawLoopbackPeer(answer);
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** A status line and headers announcing {@code length} bytes of {@code contentType}. */
    public static byte[] head(int status, String contentType, long length) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The head, then {@code count} times {@code b}, each flushed alone {@code pauseMillis} after the previous one. */
    public static Answer drip(byte[] head, int count, byte b, long pauseMillis) {
        return out -> {
            out.write(head);
            for (int i = 0; i < count; i++) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        };
    }

    /** The head itself written one byte at a time, {@code pauseMillis} apart: a head that never ends in time. */
    public static Answer dripHead(byte[] head, long pauseMillis) {
        return out -> {
            for (byte b : head) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        };
    }

    /** An answer of {@code length} bytes of {@code b} after the head, streamed as fast as the client reads. */
    public static Answer flood(byte[] head, long length, byte b) {
        return out -> {
            out.write(head);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, b);
            for (long sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
            }
        };
    }

    /** The head of the request it received (request line and headers), empty before one came. */
    public String requestHead() {
        return requestHead;
    }

    @Override
    public void close() throws IOException {
        peer.interrupt();
        server.close();
    }

    private static String readRequestHead(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
