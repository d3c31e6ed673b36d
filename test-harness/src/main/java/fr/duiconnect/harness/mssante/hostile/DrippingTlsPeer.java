package fr.duiconnect.harness.mssante.hostile;

import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.harness.mssante.Listener;
import fr.duiconnect.harness.pki.TestPki;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An implicit-TLS mail server ({@code smtps}/{@code imaps}) that completes the handshake with a certificate the client
 * trusts, then sends its greeting one byte at a time, and never ends it. Each byte comes well within any per-read
 * timeout; only a deadline on the whole exchange stops a client waiting for the line (#19 point 2). Unlike
 * {@link SlowLink}, the handshake itself is quick, so what is shown is the deadline after TLS.
 *
 * <pre>{@code
 * try (DrippingTlsPeer drip = new DrippingTlsPeer(sandbox.pki(), "220 ", Duration.ofSeconds(2))) {
 *     config.put("dui.mssante.url", "smtps://127.0.0.1:" + drip.port());
 * }
 * }</pre>
 */
public final class DrippingTlsPeer implements AutoCloseable {

    private final SSLContext context;
    private final byte[] greeting;
    private final Duration interval;
    private final Listener listener;

    /**
     * @param pki      the test PKI whose server certificate it presents (the client's trust store must hold its CA)
     * @param greeting what it starts to say ({@code "220 "} for SMTP, {@code "* OK "} for IMAP), then dots for ever
     * @param interval the pause between two bytes
     */
    public DrippingTlsPeer(TestPki pki, String greeting, Duration interval) {
        this.context = new TlsConfig(pki.trustStore(), pki.issueServer("dripping-peer.p12").keyStore(), null, null).sslContext();
        this.greeting = greeting.getBytes(StandardCharsets.US_ASCII);
        this.interval = interval;
        this.listener = Listener.open("dripping-tls-peer", this::serve);
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }

    private void serve(Socket socket) throws IOException, InterruptedException {
        try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true)) {
            tls.setUseClientMode(false);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            for (long sent = 0; ; sent++) {
                out.write(sent < greeting.length ? greeting[(int) sent] : '.');
                out.flush();
                Thread.sleep(interval.toMillis());
            }
        }
    }
}
