package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.mssante.MssanteErrorCode;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads the mailbox by IMAP4rev1 over STARTTLS (ECO.1.0.2): each unseen message of INBOX is handed over as its raw
 * bytes (fetched with BODY.PEEK, so nothing is marked before it is handled), then marked \Seen.
 */
public final class ImapMailbox {

    private final MailSessions sessions;
    private final MailCredentials credentials;
    private final int batchSize;

    public ImapMailbox(MailSessions sessions, MailCredentials credentials, int batchSize) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.batchSize = batchSize;
    }

    /** Hands each unseen message to the handler, then marks it seen; returns how many were handled. */
    public int drainUnseen(Consumer<byte[]> handler) {
        jakarta.mail.Session session = sessions.imap();
        String secret = credentials.secret(sessions.usesToken());
        try (Store store = session.getStore("imap")) {
            store.connect(credentials.user(), secret);
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_WRITE);
                Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int handled = 0;
                for (Message message : unseen) {
                    if (handled >= batchSize) {
                        break;
                    }
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    message.writeTo(bytes);
                    handler.accept(bytes.toByteArray());
                    message.setFlag(Flags.Flag.SEEN, true);
                    handled++;
                }
                return handled;
            }
        } catch (AuthenticationFailedException e) {
            throw new RemoteServiceException(MssanteErrorCode.AUTHENTICATION, null, "the operator refused the IMAP authentication: " + e.getMessage(), e);
        } catch (MessagingException | IOException e) {
            throw new DuiConnectException(MssanteErrorCode.IMAP_FAILURE, null, "the mailbox cannot be read: " + e.getMessage(), e);
        }
    }
}
