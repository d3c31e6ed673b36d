package fr.duiconnect.mssante.compose;

import jakarta.mail.internet.MimeMessage;

import java.util.List;

/**
 * A composed message, ready for the S/MIME layer and submission.
 *
 * @param message    the MIME message with every MSSanté header
 * @param messageId  its Message-ID (with angle brackets)
 * @param recipients envelope recipients (To and Cc)
 * @param personRef  INS matricule or local id of the person, for the journal and the audit
 */
public record ComposedMail(MimeMessage message, String messageId, List<String> recipients, String personRef) {
}
