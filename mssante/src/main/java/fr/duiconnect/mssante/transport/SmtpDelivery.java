package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.spi.DeliveryOutcome;
import fr.duiconnect.core.spi.JournaledOperation;
import jakarta.mail.MessagingException;

import java.util.function.BiConsumer;

/**
 * The delivery handlers of journaled messages and read receipts: the bytes composed (XDM, S/MIME) and journaled at
 * acceptance are submitted as they are, so that a retry sends the same Message-ID and signature.
 */
public final class SmtpDelivery {

    private final SmtpSubmitter submitter;
    private final BiConsumer<JournaledOperation, SmtpSubmitter.Submission> trace;

    /** @param trace records each submission with the operator's answer (ECO.4.1.2) */
    public SmtpDelivery(SmtpSubmitter submitter, BiConsumer<JournaledOperation, SmtpSubmitter.Submission> trace) {
        this.submitter = submitter;
        this.trace = trace;
    }

    /** A message: SENT, the DSN/MDN coming back later settles it, matched by its Message-ID. */
    public DeliveryOutcome message(JournaledOperation operation) {
        return DeliveryOutcome.sent(submit(operation).messageId());
    }

    /** A read receipt (MDN) we return: nothing acknowledges it, so the operator's acceptance is final. */
    public DeliveryOutcome readReceipt(JournaledOperation operation) {
        return DeliveryOutcome.acked(submit(operation).messageId());
    }

    private SmtpSubmitter.Submission submit(JournaledOperation operation) {
        SmtpSubmitter.Submission submission;
        try {
            submission = submitter.send(operation.payload());
        } catch (MessagingException e) {
            // Its cause chain (I/O, TLS, timeout) is what the core reads to decide on a retry.
            throw new IllegalStateException("SMTP submission failed: " + e.getMessage(), e);
        }
        trace.accept(operation, submission);
        return submission;
    }
}
