package fr.duiconnect.harness.mssante.hostile;

import fr.duiconnect.harness.mssante.Listener;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server (or a man in the middle) that does not offer STARTTLS: it greets, lists its capabilities without
 * STARTTLS and offers to authenticate in clear. A client that treats STARTTLS as optional would send its credentials
 * and the message here; every line the stripper receives is kept, so a test can show that nothing was.
 */
public final class StartTlsStripper implements AutoCloseable {

    /** Which protocol it pretends to speak. */
    public enum Protocol { SMTP, IMAP }

    private final Protocol protocol;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Listener listener;

    public StartTlsStripper(Protocol protocol) {
        this.protocol = protocol;
        this.listener = Listener.open("starttls-stripper", this::serve);
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** Every line a client sent, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Whether a client sent anything beyond the greeting's small talk (EHLO, CAPABILITY, QUIT, LOGOUT). */
    public boolean receivedMoreThanSmallTalk() {
        return received.stream().map(line -> line.toUpperCase(Locale.ROOT))
                .anyMatch(line -> !(line.startsWith("EHLO") || line.startsWith("HELO") || line.startsWith("QUIT")
                        || line.matches("^\\S+ (CAPABILITY|LOGOUT|NOOP)$")));
    }

    private void serve(Socket socket) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            send(out, protocol == Protocol.SMTP ? "220 mail.stripped.test ESMTP" : "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready");
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                String upper = line.toUpperCase(Locale.ROOT);
                if (protocol == Protocol.SMTP) {
                    if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                        send(out, "250-mail.stripped.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
                    } else if (upper.startsWith("QUIT")) {
                        send(out, "221 bye");
                        return;
                    } else {
                        send(out, "250 OK");
                    }
                } else {
                    String tag = line.split(" ", 2)[0];
                    if (upper.contains(" CAPABILITY")) {
                        send(out, "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK CAPABILITY completed");
                    } else if (upper.contains(" LOGOUT")) {
                        send(out, "* BYE\r\n" + tag + " OK LOGOUT completed");
                        return;
                    } else {
                        send(out, tag + " OK done");
                    }
                }
            }
        } catch (IOException e) {
            // the client left
        }
    }

    private static void send(OutputStream out, String lines) throws IOException {
        out.write((lines + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
