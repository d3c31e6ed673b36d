package fr.duiconnect.mssante;

import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.ReceiptKind;
import fr.duiconnect.core.mssante.ReceiptNotice;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.spi.InboundLedger;
import fr.duiconnect.core.spi.JournaledOperation;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.mssante.receive.InboundParser;
import fr.duiconnect.mssante.receive.ParsedMessage;
import fr.duiconnect.mssante.receive.ReceiptProof;
import fr.duiconnect.mssante.transport.ImapMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One look at the mailbox: decodes each new message, settles the journal state of the sent message a DSN or MDN
 * refers to (delivered → ACKED, read → ACKED, failed or integration error → FAILED), hands health mails to the DUI,
 * and records every action in the audit trail (ECO.4.1.1-2). Never two looks at once.
 */
public final class InboxService {

    public static final String SEND_KIND = "mssante.send";
    public static final String INBOUND_KIND = "mssante.message";
    private static final Logger LOG = LoggerFactory.getLogger(InboxService.class);

    private final ModuleContext context;
    private final ImapMailbox mailbox;
    private final InboundParser parser;
    private final MssanteSettings settings;
    private final ReceiptProof proof;
    private final List<Consumer<InboundMail>> handlers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile java.util.function.BiConsumer<InboundMail, fr.duiconnect.core.mssante.IntegrationResult> readReceipts;

    public InboxService(ModuleContext context, ImapMailbox mailbox, InboundParser parser, MssanteSettings settings) {
        this.context = context;
        this.mailbox = mailbox;
        this.parser = parser;
        this.settings = settings;
        this.proof = new ReceiptProof(settings.receipts());
    }

    /** Where automatic read receipts go (option {@code mdn.auto}). */
    public void readReceipts(java.util.function.BiConsumer<InboundMail, fr.duiconnect.core.mssante.IntegrationResult> sender) {
        readReceipts = sender;
    }

    public void onMessage(Consumer<InboundMail> handler) {
        handlers.add(handler);
    }

    public InboxBatch fetch() {
        lock.lock();
        try {
            List<InboundMail> mails = new ArrayList<>();
            List<ReceiptNotice> receipts = new ArrayList<>();
            List<InboxBatch.Rejected> rejected = new ArrayList<>();
            mailbox.drainUnseen(new ImapMailbox.Receiver() {
                @Override public void message(byte[] raw) {
                    handle(raw, mails, receipts, rejected);
                }

                @Override public void setAside(String messageId, DuiConnectException reason) {
                    refused(messageId, reason, rejected);
                }
            });
            for (InboundMail mail : mails) {
                for (Consumer<InboundMail> handler : handlers) {
                    try {
                        handler.accept(mail);
                    } catch (RuntimeException e) {
                        LOG.warn("an inbound message handler failed: {}", e.toString());
                    }
                }
                if (settings.autoReadReceipt() && mail.readReceiptRequested() && readReceipts != null) {
                    readReceipts.accept(mail, automaticResult(mail));
                }
            }
            return new InboxBatch(mails, receipts, rejected);
        } finally {
            lock.unlock();
        }
    }

    private void handle(byte[] raw, List<InboundMail> mails, List<ReceiptNotice> receipts, List<InboxBatch.Rejected> rejected) {
        ParsedMessage parsed;
        try {
            parsed = parser.parse(raw);
        } catch (DuiConnectException e) {
            refused(messageId(raw), e, rejected);
            return;
        }
        if (parsed instanceof ParsedMessage.Receipts report) {
            for (ReceiptNotice notice : report.notices()) {
                if (notice.originalMessageId() == null) {
                    continue;
                }
                Optional<DuiConnectException> doubt = proof.doubt(report, notice,
                        context.outbox().delivered(SEND_KIND, notice.originalMessageId()).map(JournaledOperation::payload));
                if (doubt.isPresent()) {
                    // Suspicious: recorded, and nothing changes (#19 point 3).
                    DuiConnectException why = doubt.get();
                    rejected.add(new InboxBatch.Rejected(report.messageId(), why.code(), why.getMessage()));
                    audit("mssante.receipt", null, AuditOutcome.REFUSED, "suspicious " + why.code() + ": " + why.getMessage());
                    LOG.warn("a {} naming a sent Message-ID was not believed: {}", notice.kind(), why.code());
                    continue;
                }
                receipts.add(notice);
                OperationState state = notice.success() ? OperationState.ACKED : OperationState.FAILED;
                String detail = (notice.kind() == ReceiptKind.DSN ? (notice.success() ? "delivered" : "not delivered")
                        : (notice.success() ? notice.detail() : "integration error " + notice.detail()))
                        + " (" + notice.kind() + " " + notice.status() + ", " + notice.recipient() + ")";
                context.outbox().acknowledge(SEND_KIND, notice.originalMessageId(), state, detail);
            }
            return;
        }
        InboundMail mail = ((ParsedMessage.Mail) parsed).mail();
        String person = mail.personIfAny().map(fr.duiconnect.core.model.Ins::matricule).orElse(null);
        InboundLedger.Receipt seen = context.inbound().record(INBOUND_KIND,
                mail.messageId() == null ? Integer.toHexString(java.util.Arrays.hashCode(raw)) : mail.messageId(), "1",
                settings.finess(), person);
        if (seen == InboundLedger.Receipt.SAME_VERSION) {
            return;
        }
        audit("mssante.receive", person, AuditOutcome.SUCCESS, "message " + mail.messageId() + ", " + mail.documents().size()
                + " document(s), signature " + mail.signature());
        mails.add(mail);
    }

    /**
     * The automated-integration answer the connector can give by itself (trans-lps IG error codes): 903 when the
     * archive names no INS, otherwise "processed" (decoded and handed to the DUI). The DUI answers 902/904/905
     * itself through {@code sendReadReceipt} once it has matched the person.
     */
    static fr.duiconnect.core.mssante.IntegrationResult automaticResult(InboundMail mail) {
        if (!mail.documents().isEmpty() && mail.person() == null) {
            return fr.duiconnect.core.mssante.IntegrationResult.insMissing();
        }
        return fr.duiconnect.core.mssante.IntegrationResult.PROCESSED;
    }

    /** A message quarantined: never handed over, reported with its typed reason and audited. */
    private void refused(String messageId, DuiConnectException reason, List<InboxBatch.Rejected> rejected) {
        rejected.add(new InboxBatch.Rejected(messageId, reason.code(), reason.getMessage()));
        audit("mssante.receive", null, AuditOutcome.REFUSED, reason.code() + " " + messageId);
    }

    private void audit(String action, String person, AuditOutcome outcome, String detail) {
        context.audit().record(new AuditEvent(context.clock().instant(), settings.finess(), settings.mailbox().address(),
                context.config().software().name(), action, person, null, outcome, detail));
    }

    private static String messageId(byte[] raw) {
        try {
            return new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw)).getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            return null;
        }
    }
}
