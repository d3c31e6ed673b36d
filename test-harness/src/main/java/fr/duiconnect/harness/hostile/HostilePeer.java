package fr.duiconnect.harness.hostile;

import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;

import javax.net.ssl.SSLServerSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving HTTPS server on loopback, for testing what a client does with a hostile or broken peer: it reads each
 * request (head and Content-Length body) and answers with a {@link Misbehaviour}: an answer dribbled one byte at a
 * time, an answer of hundreds of megabytes, a malformed answer. Its certificate comes from the test PKI, so a
 * connector configured by the sandbox trusts it and the failure under test is the peer's behaviour, not TLS.
 * Point a service's URL at {@link #url(String)}. One thread per connection; closing stops them.
 * <pre>{@code
 * try (HostilePeer peer = HostilePeer.start(pki, Misbehaviour.drip(Misbehaviour.soap12(okEnvelope), Duration.ofSeconds(2)))) {
 *     config = sandbox.connectorConfigWith(Map.of("dui.ins.url", peer.url("/insi").toString()));
 * }
 * }</pre>
 */
public final class HostilePeer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean closed;

    private HostilePeer(ServerSocket server, Misbehaviour misbehaviour) {
        this.server = server;
        this.acceptor = new Thread(() -> acceptLoop(misbehaviour), "hostile-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An HTTPS peer with a server certificate of {@code pki} (clients trusting the test PKI reach it). */
    public static HostilePeer start(TestPki pki, Misbehaviour misbehaviour) {
        IssuedCertificate certificate = pki.issueServer("hostile-peer.p12");
        try {
            SSLServerSocket socket = (SSLServerSocket) new TlsConfig(pki.trustStore(), certificate.keyStore(), null, null)
                    .sslContext().getServerSocketFactory().createServerSocket(0, 16, InetAddress.getLoopbackAddress());
            socket.setWantClientAuth(true);
            return new HostilePeer(socket, misbehaviour);
        } catch (IOException e) {
            throw new IllegalStateException("the hostile peer cannot listen on loopback", e);
        }
    }

    /** The peer's URL with the given path, e.g. {@code url("/insi")}. */
    public URI url(String path) {
        return URI.create("https://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** How many requests the peer has read (and started to answer). */
    public int requests() {
        return requests.get();
    }

    private void acceptLoop(Misbehaviour misbehaviour) {
        while (!closed) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket, misbehaviour), "hostile-peer-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket socket, Misbehaviour misbehaviour) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (!closed && readRequest(in)) {
                requests.incrementAndGet();
                misbehaviour.answer(out);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up or gave up: what most of these tests expect it to do
        }
    }

    /** Reads a request's head and its Content-Length body; false at the end of the stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        return true;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // nothing listens any more either way
        }
        acceptor.interrupt();
    }
}
