package fr.duiconnect.harness.mssante.hostile;

import fr.duiconnect.harness.mssante.Listener;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * A peer that dribbles: a loopback TCP relay to a real server (the MSSanté operator simulator's SMTP or IMAP port,
 * or any other) that passes what the client sends at once and what the server answers at a given rate, in small
 * pieces. TLS passes through untouched (STARTTLS included), so the client still talks to the real server, only
 * slowly: the peer of #19 that sends one byte now and then, which a per-read timeout never stops.
 *
 * <pre>{@code
 * try (SlowLink drip = SlowLink.to(operator.smtpApplicationPort(), 5)) {     // 5 bytes a second
 *     config.put("dui.mssante.url", "smtp://127.0.0.1:" + drip.port());
 * }
 * }</pre>
 */
public final class SlowLink implements AutoCloseable {

    private final Listener listener;
    private final int targetPort;
    private final int bytesPerSecond;

    private SlowLink(int targetPort, int bytesPerSecond) throws IOException {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("at least one byte a second");
        }
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        this.listener = new Listener("slow-link", this::relay);
    }

    /** A relay to {@code 127.0.0.1:targetPort} whose answers come at {@code bytesPerSecond}. */
    public static SlowLink to(int targetPort, int bytesPerSecond) {
        try {
            return new SlowLink(targetPort, bytesPerSecond);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.port();
    }

    private void relay(Socket client) throws IOException {
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        Thread upstream = new Thread(() -> pump(client, target, Integer.MAX_VALUE), "slow-link-upstream");
        upstream.setDaemon(true);
        upstream.start();
        pump(target, client, bytesPerSecond);
    }

    @Override
    public void close() {
        listener.close();
    }

    /** Copies from one socket to the other, at most {@code rate} bytes a second, in pieces of a tenth of a second. */
    private static void pump(Socket from, Socket to, int rate) {
        int piece = Math.max(1, Math.min(16384, rate / 10));
        long pause = rate >= Integer.MAX_VALUE ? 0 : Math.max(1, 1000L * piece / rate);
        byte[] buffer = new byte[piece];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        } catch (IOException e) {
            // one side went away: so does the other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
