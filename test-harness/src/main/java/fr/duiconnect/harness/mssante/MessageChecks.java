package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.mssante.compose.MssHeaders;
import fr.duiconnect.mssante.receive.MetadataXmlReader;
import fr.duiconnect.mssante.xdm.XdmLimits;
import fr.duiconnect.mssante.xdm.XdmUnpacker;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the simulated operator checks before relaying a message: the MSSanté headers every message carries
 * (Message-ID, X-MSS-NIL), and for a message with an IHE_XDM archive the subject format, X-MSS-CODECDA, X-MSS-INS,
 * and an archive that opens safely with a METADATA.XML naming the patient. An S/MIME-encrypted message is checked on
 * its headers only, as an operator cannot see inside. Returns the reasons for refusal, empty when acceptable.
 */
final class MessageChecks {

    private final XdmUnpacker unpacker = new XdmUnpacker(XdmLimits.DEFAULT);
    private final MetadataXmlReader metadata;

    MessageChecks(MetadataXmlReader metadata) {
        this.metadata = metadata;
    }

    List<String> problems(MimeMessage message) throws MessagingException, IOException {
        List<String> problems = new ArrayList<>();
        if (message.getHeader("Message-ID") == null) {
            problems.add("Message-ID header missing (RFC 5322)");
        }
        if (blank(message.getHeader(MssHeaders.NIL, null))) {
            problems.add("X-MSS-NIL header missing (ECO.2.4.3)");
        }
        byte[] xdm = xdm(message, 0);
        boolean encrypted = message.isMimeType("application/pkcs7-mime") || message.isMimeType("application/x-pkcs7-mime");
        boolean declaresCda = message.getHeader(MssHeaders.CODE_CDA) != null;
        if (xdm != null || (encrypted && declaresCda)) {
            String subject = message.getSubject() == null ? "" : message.getSubject();
            if (!subject.startsWith(MssHeaders.SUBJECT_PREFIX) || subject.substring(MssHeaders.SUBJECT_PREFIX.length()).strip().split("\\s+").length < 3) {
                problems.add("subject is not XDM/1.0/DDM+<libellé> <NOM> <prénom> [<date>] (ECO.2.1.3)");
            }
            if (!declaresCda) {
                problems.add("X-MSS-CODECDA header missing for an IHE_XDM archive (ECO.2.4.1)");
            }
            String ins = message.getHeader(MssHeaders.INS, null);
            if (ins == null || !(ins.strip().equals("O") || ins.strip().equals("N"))) {
                problems.add("X-MSS-INS header missing or not O/N (ECO.2.4.2)");
            }
        }
        if (xdm != null) {
            try {
                var archive = unpacker.unpack(xdm);
                if (archive.documentPaths().isEmpty()) {
                    problems.add("malformed IHE_XDM.ZIP: no document in IHE_XDM/SUBSET01");
                } else {
                    MetadataXmlReader.Content content = metadata.read(archive.metadataXml().orElseThrow());
                    if (content.patient() == null) {
                        problems.add("malformed IHE_XDM.ZIP: METADATA.XML names no patientId (ECO.2.1.2)");
                    }
                }
            } catch (DuiConnectException e) {
                problems.add("malformed IHE_XDM.ZIP: " + e.getMessage());
            }
        }
        return problems;
    }

    private static byte[] xdm(Part part, int depth) throws MessagingException, IOException {
        if (depth > 10) {
            return null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = xdm(multipart.getBodyPart(i), depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        String name = part.getFileName();
        if (name != null && name.toUpperCase(Locale.ROOT).equals(MssHeaders.XDM_FILE_NAME)) {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
