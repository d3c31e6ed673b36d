package fr.duiconnect.core.mssante;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * A secure health mail about one person (ECO.2.1.1: one patient per message).
 *
 * @param sender           the sending mailbox; null to use the configured one
 * @param to               recipient addresses (professional, organisational or application mailboxes)
 * @param cc               copy recipients
 * @param toPatient        also write to the person's own address {@code <matricule INS>@patient.mssante.fr}
 *                         (Mon espace santé), allowed only for a qualified INS (ECO.3.1.5)
 * @param person           the person the documents concern
 * @param label            libellé of the subject {@code XDM/1.0/DDM+<libellé> <NOM> <prénom> <date>} (ECO.2.1.3)
 * @param body             the text/plain body (UTF-8)
 * @param documents        CDA documents for the IHE_XDM archive, with their optional PDF rendition
 * @param inReplyTo        Message-ID answered, for a reply (RFC 5322)
 * @param references       Message-IDs of the thread, for a reply
 * @param deliveryReceipt  ask a DSN ({@code Return-Receipt-To}, ECO.2.3.1)
 * @param readReceipt      ask an MDN ({@code Disposition-Notification-To}, ECO.2.3.2)
 * @param endOfConversation {@code X-MSS-MES: FIN} to a patient who must not answer (ECO.2.2.8)
 * @param replyTo          personal/organisational mailbox named for answers to an application mailbox; null for
 *                         the configured one
 * @param birthDateInSubject whether the optional birth date ends the subject
 */
public record MssanteMessage(Mailbox sender, List<String> to, List<String> cc, boolean toPatient, PersonIdentity person,
                             String label, String body, List<MailDocument> documents, String inReplyTo,
                             List<String> references, boolean deliveryReceipt, boolean readReceipt,
                             boolean endOfConversation, String replyTo, boolean birthDateInSubject) {

    public MssanteMessage {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        Require.present(person, "person");
        Require.text(label, "label");
        body = body == null ? "" : body;
        documents = documents == null ? List.of() : List.copyOf(documents);
        references = references == null ? List.of() : List.copyOf(references);
        if (to.isEmpty() && !toPatient) {
            throw fr.duiconnect.core.error.InvalidInputException.required("to");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Mailbox sender;
        private final List<String> to = new ArrayList<>();
        private final List<String> cc = new ArrayList<>();
        private boolean toPatient;
        private PersonIdentity person;
        private String label;
        private String body;
        private final List<MailDocument> documents = new ArrayList<>();
        private String inReplyTo;
        private final List<String> references = new ArrayList<>();
        private boolean deliveryReceipt = true;
        private boolean readReceipt = true;
        private boolean endOfConversation;
        private String replyTo;
        private boolean birthDateInSubject = true;

        private Builder() {
        }

        public Builder sender(Mailbox v) { sender = v; return this; }
        public Builder to(String address) { to.add(address); return this; }
        public Builder to(List<String> addresses) { to.addAll(addresses); return this; }
        /** A professional known by RPPS: their personal mailbox from the directory ({@code connector.directory()}). */
        public Builder to(fr.duiconnect.core.directory.Recipient recipient, fr.duiconnect.core.directory.DirectoryClient directory) {
            to.add(recipient.address(directory));
            return this;
        }
        public Builder cc(String address) { cc.add(address); return this; }
        public Builder toPatient(boolean v) { toPatient = v; return this; }
        public Builder person(PersonIdentity v) { person = v; return this; }
        public Builder label(String v) { label = v; return this; }
        public Builder body(String v) { body = v; return this; }
        public Builder document(MailDocument v) { documents.add(v); return this; }
        public Builder documents(List<MailDocument> v) { documents.addAll(v); return this; }
        public Builder inReplyTo(String v) { inReplyTo = v; return this; }
        public Builder references(List<String> v) { references.addAll(v); return this; }
        public Builder deliveryReceipt(boolean v) { deliveryReceipt = v; return this; }
        public Builder readReceipt(boolean v) { readReceipt = v; return this; }
        public Builder endOfConversation(boolean v) { endOfConversation = v; return this; }
        public Builder replyTo(String v) { replyTo = v; return this; }
        public Builder birthDateInSubject(boolean v) { birthDateInSubject = v; return this; }

        public MssanteMessage build() {
            return new MssanteMessage(sender, to, cc, toPatient, person, label, body, documents, inReplyTo, references,
                    deliveryReceipt, readReceipt, endOfConversation, replyTo, birthDateInSubject);
        }
    }
}
