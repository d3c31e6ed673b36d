package fr.duiconnect.harness.mssante;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A text-protocol connection (SMTP, IMAP) that can be upgraded to TLS in place (STARTTLS). */
final class LineChannel implements AutoCloseable {

    /** The TCP connection; {@link #socket} is the TLS layer over it once upgraded. */
    private final Socket plain;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LineChannel(Socket socket) throws IOException {
        this.plain = socket;
        use(socket);
    }

    private void use(Socket newSocket) throws IOException {
        socket = newSocket;
        in = new java.io.BufferedInputStream(newSocket.getInputStream());
        out = new java.io.BufferedOutputStream(newSocket.getOutputStream());
    }

    /** A line without its CRLF, or null at end of stream; refuses lines longer than the limit. */
    String readLine(int limit) throws IOException {
        byte[] bytes = readLineBytes(limit);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The raw bytes of a line without its CRLF (or LF), or null at end of stream. */
    byte[] readLineBytes(int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 && previous < 0 ? null : line.toByteArray();
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return java.util.Arrays.copyOf(bytes, length);
            }
            line.write(b);
            previous = b;
            if (line.size() > limit) {
                throw new IOException("line longer than " + limit + " bytes");
            }
        }
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Upgrades to TLS as the server side; returns the TLS socket after a completed handshake. A failed handshake
     * leaves the connection half-closed and drained ({@link #closeAfterFailedHandshake}).
     */
    SSLSocket startTls(SSLContext context, SSLParameters parameters) throws IOException {
        // autoClose false: on a failed handshake the TLS layer must not close the TCP connection itself (see below).
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), false);
        tls.setUseClientMode(false);
        tls.setSSLParameters(parameters);
        try {
            tls.startHandshake();
        } catch (IOException e) {
            closeAfterFailedHandshake();
            throw e;
        }
        use(tls);
        return tls;
    }

    /**
     * With TLS 1.3 the client ends its handshake before the server has checked the client's certificate, and sends
     * its first command (EHLO) at once. Closing the TCP connection with the client's last handshake message or that
     * command unread makes the kernel answer with a reset, which discards our alert (certificate_required,
     * bad_certificate) on the client's side before it is read: the client would see a cut connection, not a TLS refusal. A mail server sends its alert and closes
     * its side; so do we, then read what the client still sends (bounded in time and size) before closing.
     */
    private void closeAfterFailedHandshake() {
        try {
            plain.shutdownOutput();
            plain.setSoTimeout(2_000);
            InputStream rest = plain.getInputStream();
            byte[] buffer = new byte[4096];
            int drained = 0;
            int n;
            while (drained < 65_536 && (n = rest.read(buffer)) >= 0) {
                drained += n;
            }
        } catch (IOException ignored) {
            // the client went first; nothing left to protect
        } finally {
            close();
        }
    }

    boolean isTls() {
        return socket instanceof SSLSocket;
    }

    Socket socket() {
        return socket;
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            plain.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
