package fr.duiconnect.core.mssante;

import fr.duiconnect.core.model.Require;

/**
 * A message composed and checked by {@link MssanteClient#prepare}, S/MIME applied: exactly the bytes that
 * {@link MssanteClient#send(PreparedMail)} journals and submits (e.g. to keep the source as a proof).
 *
 * @param messageId  its Message-ID
 * @param personRef  INS matricule or local id of the person (journal and audit)
 * @param rfc822     the message (RFC 5322)
 */
public record PreparedMail(String messageId, String personRef, byte[] rfc822) {

    public PreparedMail {
        Require.text(messageId, "messageId");
        Require.present(rfc822, "rfc822");
    }
}
