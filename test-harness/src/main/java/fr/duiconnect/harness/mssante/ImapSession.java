package fr.duiconnect.harness.mssante;

import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.faults.FaultSwitch;

import fr.duiconnect.harness.sandbox.SimulatorSockets;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's IMAP front (RFC 3501 + STARTTLS + AUTHENTICATE, RFC 4959 SASL-IR): it does what GreenMail cannot
 * (STARTTLS, client-certificate and PSC-token authentication), then logs into the GreenMail mailbox on loopback with
 * the simulator's internal credentials and relays the rest of the session byte for byte.
 */
final class ImapSession {

    /** The faults an IMAP session can meet; SMTP replies set on the operator's switch wait for an SMTP transaction. */
    static final Set<FaultKind> IMAP_FAULTS = EnumSet.of(FaultKind.IMAP_DISCONNECT, FaultKind.CONNECTION_RESET, FaultKind.LATENCY);

    private final LineChannel channel;
    private final ServerTls tls;
    private final LpsInterface lps;
    private final SaslCheck sasl;
    private final int backendPort;
    private final String backendPassword;
    private final FaultSwitch faults;
    private final boolean implicitTls;

    ImapSession(Socket socket, ServerTls tls, LpsInterface lps, OperatorDirectory directory, int backendPort,
                String backendPassword, FaultSwitch faults) throws IOException {
        this(socket, tls, lps, directory, backendPort, backendPassword, faults, false);
    }

    /** {@code implicitTls}: the session is TLS from the first byte (imaps, port 993 style), without STARTTLS. */
    ImapSession(Socket socket, ServerTls tls, LpsInterface lps, OperatorDirectory directory, int backendPort,
                String backendPassword, FaultSwitch faults, boolean implicitTls) throws IOException {
        this.implicitTls = implicitTls;
        this.channel = new LineChannel(socket);
        this.tls = tls;
        this.lps = lps;
        this.sasl = new SaslCheck(directory, lps);
        this.backendPort = backendPort;
        this.backendPassword = backendPassword;
        this.faults = faults;
    }

    void run() throws IOException {
        Optional<Fault> fault = faults.nextRequest(IMAP_FAULTS);
        if (fault.isPresent() && (fault.get().kind() == FaultKind.IMAP_DISCONNECT || fault.get().kind() == FaultKind.CONNECTION_RESET)) {
            channel.socket().setSoLinger(true, 0);
            return;
        }
        if (fault.isPresent() && fault.get().kind() == FaultKind.LATENCY) {
            try {
                Thread.sleep(fault.get().latency().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (implicitTls && !tls.handshake(channel, lps.needsClientCertificate(), faults)) {
            return;
        }
        channel.send("* OK [CAPABILITY " + capabilities() + "] MSSante operator simulator ready");
        String line;
        while ((line = channel.readLine(16384)) != null) {
            String[] words = line.split(" ", 3);
            if (words.length < 2) {
                channel.send("* BAD missing command");
                continue;
            }
            String tag = words[0];
            String command = words[1].toUpperCase(Locale.ROOT);
            switch (command) {
                case "CAPABILITY" -> {
                    channel.send("* CAPABILITY " + capabilities());
                    channel.send(tag + " OK CAPABILITY completed");
                }
                case "NOOP" -> channel.send(tag + " OK NOOP completed");
                case "LOGOUT" -> {
                    channel.send("* BYE logging out");
                    channel.send(tag + " OK LOGOUT completed");
                    return;
                }
                case "STARTTLS" -> {
                    if (channel.isTls()) {
                        channel.send(tag + " BAD TLS already active");
                        continue;
                    }
                    channel.send(tag + " OK Begin TLS negotiation now");
                    if (!tls.handshake(channel, lps.needsClientCertificate(), faults)) {
                        return;
                    }
                }
                case "LOGIN" -> channel.send(tag + " NO [PRIVACYREQUIRED] LOGIN is disabled: STARTTLS then AUTHENTICATE " + lps.mechanism());
                case "AUTHENTICATE" -> {
                    if (!channel.isTls()) {
                        channel.send(tag + " NO [PRIVACYREQUIRED] STARTTLS first");
                        continue;
                    }
                    if (authenticate(tag, words.length > 2 ? words[2] : "")) {
                        return;
                    }
                }
                default -> channel.send(tag + " BAD " + command + " not allowed before authentication");
            }
        }
    }

    private String capabilities() {
        return channel.isTls() ? "IMAP4rev1 AUTH=" + lps.mechanism() + " SASL-IR" : "IMAP4rev1 STARTTLS LOGINDISABLED";
    }

    /** Returns true when the session was handed over to the mailbox (and is now finished). */
    private boolean authenticate(String tag, String arguments) throws IOException {
        String[] parts = arguments.split(" ", 2);
        String mechanism = parts[0];
        if (!lps.mechanism().equalsIgnoreCase(mechanism)) {
            channel.send(tag + " NO [CANNOT] this interface accepts AUTHENTICATE " + lps.mechanism() + " only");
            return false;
        }
        String response;
        if (parts.length > 1 && !parts[1].isBlank()) {
            response = parts[1];
        } else {
            channel.send("+ ");
            response = channel.readLine(16384);
        }
        Optional<String> mailbox = response == null ? Optional.empty() : sasl.check(mechanism, response, (SSLSocket) channel.socket());
        if (mailbox.isEmpty()) {
            if (lps == LpsInterface.PSC) {
                channel.send("+ " + SaslCheck.XOAUTH2_ERROR);
                channel.readLine(4096);
            }
            channel.send(tag + " NO [AUTHENTICATIONFAILED] Authentication failed");
            return false;
        }
        relay(tag, mailbox.get());
        return true;
    }

    private void relay(String tag, String mailbox) throws IOException {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            backend.setSoTimeout(60_000);
            // Nagle on this leg held each relayed FETCH about 40 ms (a small write waiting for the ACK of the last)
            SimulatorSockets.noDelay(backend);
            LineChannel inner = new LineChannel(backend);
            inner.readLine(4096);
            inner.send("dui1 LOGIN \"" + mailbox + "\" \"" + backendPassword + "\"");
            String answer;
            while ((answer = inner.readLine(16384)) != null && !answer.startsWith("dui1 ")) {
                // untagged capability lines of the backend are not shown to the client
            }
            if (answer == null || !answer.startsWith("dui1 OK")) {
                channel.send(tag + " NO [UNAVAILABLE] mailbox unavailable");
                return;
            }
            channel.send(tag + " OK AUTHENTICATE completed");
            Thread upstream = new Thread(() -> {
                pump(channel.input(), inner.output());
                inner.close();
            }, "mssante-imap-relay");
            upstream.setDaemon(true);
            upstream.start();
            pump(inner.input(), channel.output());
            upstream.interrupt();
        }
    }

    private static void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[16384];
        try {
            int read;
            while ((read = from.read(buffer)) >= 0) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException ignored) {
            // one side closed: the session is over
        }
    }
}
