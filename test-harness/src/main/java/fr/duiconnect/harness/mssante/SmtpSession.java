package fr.duiconnect.harness.mssante;

import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.faults.FaultSwitch;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMTP submission session of the simulated operator (RFC 5321 + STARTTLS RFC 3207 + AUTH RFC 4954): TLS before
 * anything else, authentication per interface, the envelope sender bound to the authenticated mailbox, then the
 * message handed to {@link OperatorDelivery}, which checks it and delivers it or bounces it with a DSN.
 */
final class SmtpSession {

    static final int MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
    private static final Pattern PATH = Pattern.compile("(?i)^(MAIL FROM|RCPT TO):\\s*<([^<>\\s]*)>.*$");

    private final LineChannel channel;
    private final ServerTls tls;
    private final LpsInterface lps;
    private final SaslCheck sasl;
    private final OperatorDelivery delivery;
    private final FaultSwitch faults;

    private String authenticated;
    private String sender;
    private final boolean implicitTls;
    private final List<String> recipients = new ArrayList<>();

    SmtpSession(Socket socket, ServerTls tls, LpsInterface lps, OperatorDirectory directory, OperatorDelivery delivery,
                FaultSwitch faults) throws IOException {
        this(socket, tls, lps, directory, delivery, faults, false);
    }

    /** {@code implicitTls}: the session is TLS from the first byte (smtps, port 465 style), without STARTTLS. */
    SmtpSession(Socket socket, ServerTls tls, LpsInterface lps, OperatorDirectory directory, OperatorDelivery delivery,
                FaultSwitch faults, boolean implicitTls) throws IOException {
        this.implicitTls = implicitTls;
        this.channel = new LineChannel(socket);
        this.tls = tls;
        this.lps = lps;
        this.sasl = new SaslCheck(directory, lps);
        this.delivery = delivery;
        this.faults = faults;
    }

    void run() throws IOException {
        if (implicitTls && !tls.handshake(channel, lps.needsClientCertificate(), faults)) {
            return;
        }
        channel.send("220 smtp.simulateur.mssante.test ESMTP MSSante operator simulator");
        String line;
        while ((line = channel.readLine(4096)) != null) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                reset();
                if (!channel.isTls()) {
                    channel.send("250-smtp.simulateur.mssante.test");
                    channel.send("250-STARTTLS");
                    channel.send("250 8BITMIME");
                } else {
                    channel.send("250-smtp.simulateur.mssante.test");
                    channel.send("250-AUTH " + lps.mechanism());
                    channel.send("250-SIZE " + MAX_MESSAGE_BYTES);
                    channel.send("250 8BITMIME");
                }
            } else if (upper.equals("STARTTLS")) {
                if (channel.isTls()) {
                    channel.send("503 5.5.1 TLS already active");
                    continue;
                }
                channel.send("220 2.0.0 Ready to start TLS");
                if (!tls.handshake(channel, lps.needsClientCertificate(), faults)) {
                    return;
                }
                authenticated = null;
                reset();
            } else if (upper.equals("QUIT")) {
                channel.send("221 2.0.0 Bye");
                return;
            } else if (upper.equals("NOOP")) {
                channel.send("250 2.0.0 OK");
            } else if (upper.equals("RSET")) {
                reset();
                channel.send("250 2.0.0 OK");
            } else if (!channel.isTls()) {
                // ECO.1.0.1: nothing but EHLO/STARTTLS/QUIT in clear.
                channel.send("530 5.7.0 Must issue a STARTTLS command first");
            } else if (upper.startsWith("AUTH ")) {
                auth(line);
            } else if (upper.startsWith("MAIL FROM:")) {
                if (!mailFrom(line)) {
                    return;
                }
            } else if (upper.startsWith("RCPT TO:")) {
                rcptTo(line);
            } else if (upper.equals("DATA")) {
                data();
            } else {
                channel.send("502 5.5.2 Command not recognised");
            }
        }
    }

    private void auth(String line) throws IOException {
        if (authenticated != null) {
            channel.send("503 5.5.1 Already authenticated");
            return;
        }
        String[] words = line.split(" ");
        String mechanism = words.length > 1 ? words[1] : "";
        if (!lps.mechanism().equalsIgnoreCase(mechanism)) {
            channel.send("504 5.5.4 Unrecognized authentication type: this interface accepts " + lps.mechanism());
            return;
        }
        String response;
        if (words.length > 2) {
            response = words[2];
        } else {
            channel.send("334 ");
            response = channel.readLine(16384);
        }
        Optional<String> mailbox = response == null ? Optional.empty() : sasl.check(mechanism, response, (SSLSocket) channel.socket());
        if (mailbox.isPresent()) {
            authenticated = mailbox.get();
            channel.send("235 2.7.0 Authentication successful");
        } else if (lps == LpsInterface.PSC) {
            channel.send("334 " + SaslCheck.XOAUTH2_ERROR);
            channel.readLine(4096);
            channel.send("535 5.7.8 Authentication credentials invalid");
        } else {
            channel.send("535 5.7.8 Authentication credentials invalid (application mailbox and its ORG AUTH_CLI certificate)");
        }
    }

    /** The faults an SMTP transaction can meet; an IMAP disconnect set on the operator's switch waits for an IMAP session. */
    static final Set<FaultKind> SMTP_FAULTS = EnumSet.of(FaultKind.SMTP_421, FaultKind.SMTP_451, FaultKind.SMTP_550,
            FaultKind.CONNECTION_RESET, FaultKind.LATENCY);

    private boolean mailFrom(String line) throws IOException {
        if (authenticated == null) {
            channel.send("530 5.7.0 Authentication required");
            return true;
        }
        Optional<Fault> fault = faults.nextRequest(SMTP_FAULTS);
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case SMTP_421 -> {
                    channel.send("421 4.3.2 Service not available, closing transmission channel (simulated)");
                    return false;
                }
                case SMTP_451 -> {
                    channel.send("451 4.3.0 Local error in processing, try again later (simulated)");
                    return true;
                }
                case SMTP_550 -> {
                    channel.send("550 5.7.1 Message refused by the operator policy (simulated)");
                    return true;
                }
                case CONNECTION_RESET -> {
                    channel.socket().setSoLinger(true, 0);
                    return false;
                }
                case LATENCY -> pause(fault.get());
                default -> { }
            }
        }
        Matcher matcher = PATH.matcher(line);
        if (!matcher.matches()) {
            channel.send("501 5.1.7 Bad sender address syntax");
            return true;
        }
        if (!matcher.group(2).equalsIgnoreCase(authenticated)) {
            channel.send("550 5.7.1 Sender address does not belong to the authenticated mailbox " + authenticated);
            return true;
        }
        reset();
        sender = matcher.group(2);
        channel.send("250 2.1.0 Sender OK");
        return true;
    }

    private void rcptTo(String line) throws IOException {
        if (sender == null) {
            channel.send("503 5.5.1 MAIL FROM first");
            return;
        }
        Matcher matcher = PATH.matcher(line);
        if (!matcher.matches() || !matcher.group(2).matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            channel.send("501 5.1.3 Bad recipient address syntax");
            return;
        }
        if (recipients.size() >= 100) {
            channel.send("452 4.5.3 Too many recipients");
            return;
        }
        // Unknown or untrusted recipients are accepted here and bounced with a DSN, as operators relay first.
        recipients.add(matcher.group(2));
        channel.send("250 2.1.5 Recipient OK");
    }

    private void data() throws IOException {
        if (sender == null || recipients.isEmpty()) {
            channel.send("503 5.5.1 MAIL FROM and RCPT TO first");
            return;
        }
        channel.send("354 End data with <CR><LF>.<CR><LF>");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean tooLarge = false;
        byte[] line;
        while ((line = channel.readLineBytes(1_000_000)) != null && !(line.length == 1 && line[0] == '.')) {
            if (tooLarge) {
                continue;
            }
            int start = line.length > 0 && line[0] == '.' ? 1 : 0;
            message.write(line, start, line.length - start);
            message.write('\r');
            message.write('\n');
            tooLarge = message.size() > MAX_MESSAGE_BYTES;
        }
        if (line == null) {
            // The client went before the end of data (killed, cut): as an MTA does, nothing of it is queued (RFC 5321
            // §4.1.1.4: the message is complete only at <CRLF>.<CRLF>).
            return;
        }
        if (tooLarge) {
            channel.send("552 5.3.4 Message size exceeds fixed limit");
        } else {
            String queueId = UUID.randomUUID().toString().substring(0, 8);
            delivery.accept(sender, List.copyOf(recipients), message.toByteArray());
            channel.send("250 2.0.0 Ok: queued as " + queueId);
        }
        reset();
    }

    private void reset() {
        sender = null;
        recipients.clear();
    }

    private static void pause(Fault fault) {
        try {
            Thread.sleep(fault.latency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
