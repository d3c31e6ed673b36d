package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.mssante.MssanteErrorCode;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the mailbox by IMAP4rev1 over TLS (ECO.1.0.2): each unseen message of INBOX is handed over as its raw bytes
 * (fetched with BODY.PEEK, so nothing is marked before it is handled), then marked \Seen.
 *
 * <p>A peer cannot hold the mailbox (#19 points 2 and 4): the look (connection, login, search) has the exchange
 * deadline; a message larger than the cap is not downloaded (its RFC822.SIZE is read first, and the download stops
 * at the cap whatever the server announced); each download has its own time budget, past which the connection is
 * cut, the message set aside and the next ones read on a new connection. A message set aside is marked \Seen and
 * with the keyword {@value #QUARANTINE_KEYWORD}, and reported with its typed reason; it is never handed over.
 */
public final class ImapMailbox {

    public static final String QUARANTINE_KEYWORD = "DuiQuarantine";

    /** What a look at the mailbox hands over. */
    public interface Receiver {
        /** A message, as received. */
        void message(byte[] raw);

        /** A message set aside without being handed over. */
        void setAside(String messageId, DuiConnectException reason);
    }

    private final MailSessions sessions;
    private final MailCredentials credentials;
    private final int batchSize;
    private final long maxMessageBytes;
    private final Duration messageBudget;

    public ImapMailbox(MailSessions sessions, MailCredentials credentials, int batchSize, long maxMessageBytes, Duration messageBudget) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.batchSize = batchSize;
        this.maxMessageBytes = maxMessageBytes;
        this.messageBudget = messageBudget;
    }

    /** Hands each unseen message to the receiver, then marks it seen; returns how many were handled or set aside. */
    public int drainUnseen(Receiver receiver) {
        Pass pass = new Pass(receiver, null, null);
        pass.run();
        int handled = pass.handled;
        // A download that overran its budget cut the connection: the rest is read on a new one, which first sets
        // that message aside. Each pass removes at least one message, so this ends.
        while (pass.overrun != null) {
            pass = new Pass(receiver, pass.overrun, pass.remaining);
            pass.run();
            handled += pass.handled;
        }
        return handled;
    }

    /** One IMAP connection: reads the unseen messages (or the given UIDs) until done or until one overruns. */
    private final class Pass {
        private final Receiver receiver;
        private final Long setAsideFirst;
        private final List<Long> only;
        private int handled;
        private Long overrun;
        private List<Long> remaining = List.of();

        Pass(Receiver receiver, Long setAsideFirst, List<Long> only) {
            this.receiver = receiver;
            this.setAsideFirst = setAsideFirst;
            this.only = only;
        }

        void run() {
            jakarta.mail.Session session = sessions.imap();
            String secret = credentials.secret(sessions.usesToken());
            ExchangeDeadline deadline = sessions.imapDeadline();
            Store store = null;
            Folder inbox = null;
            ExchangeDeadline.Armed step = deadline.arm(sessions.exchangeDeadline());
            try {
                store = session.getStore("imap");
                store.connect(credentials.user(), secret);
                inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                UIDFolder uids = (UIDFolder) inbox;
                if (setAsideFirst != null) {
                    Message late = uids.getMessageByUID(setAsideFirst);
                    if (late != null) {
                        quarantine(late);
                    }
                }
                List<Message> messages = messages(inbox, uids);
                // Read now: once a budget cuts the connection, the folder answers nothing more.
                List<Long> uidList = new ArrayList<>();
                for (Message message : messages) {
                    uidList.add(uids.getUID(message));
                }
                step.close();
                for (int i = 0; i < messages.size() && handled < batchSize; i++) {
                    Message message = messages.get(i);
                    String messageId = messageId(message);
                    step = deadline.arm(messageBudget);
                    if (message.getSize() > maxMessageBytes) {
                        setAside(message, messageId, tooLarge(message.getSize() + " bytes announced"));
                        step.close();
                        continue;
                    }
                    byte[] raw;
                    try {
                        raw = download(message);
                    } catch (CappedOutput.TooLarge e) {
                        setAside(message, messageId, tooLarge("more than " + maxMessageBytes + " bytes sent"));
                        step.close();
                        continue;
                    } catch (MessagingException | IOException | RuntimeException e) {
                        if (!step.expired()) {
                            throw e;
                        }
                        // The connection is cut: report the message, and read the rest on a new connection.
                        receiver.setAside(messageId, new DuiConnectException(MssanteErrorCode.MESSAGE_TIME_BUDGET, "message",
                                "the download of " + messageId + " did not complete within its budget of " + messageBudget
                                        + "; set aside, later mail is read"));
                        handled++;
                        overrun = uidList.get(i);
                        remaining = new ArrayList<>(uidList.subList(i + 1, uidList.size()));
                        return;
                    }
                    receiver.message(raw);
                    message.setFlag(Flags.Flag.SEEN, true);
                    handled++;
                    step.close();
                }
                step.close();
                step = deadline.arm(sessions.exchangeDeadline());
                inbox.close(false);
                store.close();
            } catch (AuthenticationFailedException e) {
                throw new RemoteServiceException(MssanteErrorCode.AUTHENTICATION, null, "the operator refused the IMAP authentication: " + e.getMessage(), e);
            } catch (MessagingException | IOException | RuntimeException e) {
                if (e instanceof DuiConnectException known) {
                    throw known;
                }
                if (step.expired()) {
                    throw step.timeout(e);
                }
                MailSessions.tlsFailure(e, "IMAP").ifPresent(tls -> {
                    throw tls;
                });
                throw new DuiConnectException(MssanteErrorCode.IMAP_FAILURE, null, "the mailbox cannot be read: " + e.getMessage(), e);
            } finally {
                step.close();
                try (ExchangeDeadline.Armed closing = deadline.arm(sessions.exchangeDeadline())) {
                    closeQuietly(inbox, store);
                }
            }
        }

        private List<Message> messages(Folder inbox, UIDFolder uids) throws MessagingException {
            Message[] found;
            if (only != null) {
                List<Message> listed = new ArrayList<>();
                for (long uid : only) {
                    Message message = uids.getMessageByUID(uid);
                    if (message != null) {
                        listed.add(message);
                    }
                }
                found = listed.toArray(Message[]::new);
            } else {
                found = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            }
            // A pass handles at most one batch: asking the headers of a backlog of thousands at every pass made
            // draining a mailbox quadratic in its size (each pass re-read every unread message's headers).
            if (found.length > batchSize) {
                found = java.util.Arrays.copyOf(found, batchSize);
            }
            // Sizes, UIDs and Message-IDs in one FETCH, before anything is downloaded.
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.SIZE);
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add("Message-ID");
            inbox.fetch(found, profile);
            return List.of(found);
        }

        private void setAside(Message message, String messageId, DuiConnectException reason) throws MessagingException {
            receiver.setAside(messageId, reason);
            quarantine(message);
            handled++;
        }

        private DuiConnectException tooLarge(String what) {
            return new DuiConnectException(MssanteErrorCode.MESSAGE_SIZE, "message",
                    "the message exceeds the cap of " + maxMessageBytes + " bytes (" + what + "); set aside without being read");
        }
    }

    private static void closeQuietly(Folder inbox, Store store) {
        try {
            if (inbox != null && inbox.isOpen()) {
                inbox.close(false);
            }
        } catch (MessagingException | IllegalStateException ignored) {
            // the connection is gone anyway
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException ignored) {
            // the connection is gone anyway
        }
    }

    private static void quarantine(Message message) throws MessagingException {
        message.setFlag(Flags.Flag.SEEN, true);
        try {
            message.setFlags(new Flags(QUARANTINE_KEYWORD), true);
        } catch (MessagingException e) {
            // A server without keywords still has the message marked seen, and the audit has the reason.
        }
    }

    private byte[] download(Message message) throws MessagingException, IOException {
        CappedOutput bytes = new CappedOutput(maxMessageBytes);
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    private static String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        return ids == null || ids.length == 0 ? null : ids[0].strip();
    }

    /** Collects a download and stops it at the cap, whatever size the server announced. */
    private static final class CappedOutput extends ByteArrayOutputStream {
        private final long cap;

        CappedOutput(long cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (count + (long) length > cap) {
                throw new TooLarge();
            }
            super.write(bytes, offset, length);
        }

        @Override
        public synchronized void write(int b) {
            if (count + 1L > cap) {
                throw new TooLarge();
            }
            super.write(b);
        }

        static final class TooLarge extends RuntimeException {
            TooLarge() {
                super("message larger than the cap", null, false, false);
            }
        }
    }
}
