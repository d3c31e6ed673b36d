package fr.duiconnect.dmp.soap;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.dmp.DmpErrorCode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SOAP 1.2 with MTOM/XOP (W3C XOP, IHE ITI TF-2x V.3.6): the envelope as the root part
 * {@code application/xop+xml; type="application/soap+xml"} and each document as a binary part the envelope points
 * to with {@code xop:Include href="cid:…"}. One codec for the client and the DMP simulator, on Jakarta Mail's MIME.
 */
public final class MtomPackage {

    public static final String XOP = "http://www.w3.org/2004/08/xop/include";
    private static final String ROOT_ID = "root.message@duiconnect";

    private MtomPackage() {
    }

    /** A binary part, by Content-ID (without angle brackets). */
    public record Part(String contentId, String contentType, byte[] content) {
    }

    /** What travels: the HTTP Content-Type and the body. */
    public record Encoded(String contentType, byte[] body) {
    }

    /** A received message: the envelope bytes and the binary parts by Content-ID. */
    public record Decoded(byte[] envelope, Map<String, Part> parts) {
        public Part part(String href) {
            String id = href.startsWith("cid:") ? decode(href.substring(4)) : href;
            Part part = parts.get(id);
            if (part == null) {
                throw new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, "xop:Include/@href", "names no MIME part: " + href);
            }
            return part;
        }
    }

    public static String newContentId() {
        return UUID.randomUUID() + "@duiconnect";
    }

    public static Encoded write(byte[] envelope, Iterable<Part> attachments, String action) {
        try {
            MimeMultipart multipart = new MimeMultipart("related");
            MimeBodyPart root = new MimeBodyPart();
            root.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(envelope,
                    "application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"")));
            root.setHeader("Content-Type", "application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"");
            root.setHeader("Content-Transfer-Encoding", "binary");
            root.setContentID("<" + ROOT_ID + ">");
            multipart.addBodyPart(root);
            for (Part attachment : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setHeader("Content-Type", attachment.contentType());
                part.setHeader("Content-Transfer-Encoding", "binary");
                part.setContentID("<" + attachment.contentId() + ">");
                multipart.addBodyPart(part);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            multipart.writeTo(out);
            ContentType type = new ContentType(multipart.getContentType());
            String contentType = "multipart/related; boundary=\"" + type.getParameter("boundary")
                    + "\"; type=\"application/xop+xml\"; start=\"<" + ROOT_ID + ">\"; start-info=\"application/soap+xml\""
                    + (action == null ? "" : "; action=\"" + action + "\"");
            return new Encoded(contentType, out.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the MTOM package cannot be written", e);
        }
    }

    /**
     * Reads a SOAP 1.2 message, MTOM or plain. The body was already bounded by the transport; parts beyond
     * {@code maxParts} are refused (a flood of tiny parts is as hostile as one huge one).
     */
    public static Decoded read(byte[] body, String contentType, int maxParts) {
        try {
            ContentType type = new ContentType(contentType == null ? "" : contentType);
            if (type.match("application/soap+xml")) {
                return new Decoded(body, Map.of());
            }
            if (!type.match("multipart/related")) {
                throw malformed("Content-Type is " + contentType + ", not multipart/related (MTOM) or application/soap+xml");
            }
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            int count = multipart.getCount();
            if (count == 0 || count > maxParts) {
                throw malformed("an MTOM message has between 1 and " + maxParts + " parts, not " + count);
            }
            String start = type.getParameter("start");
            BodyPart root = start == null ? multipart.getBodyPart(0) : multipart.getBodyPart(start);
            if (root == null) {
                throw malformed("the start part " + start + " is missing");
            }
            Map<String, Part> parts = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part == root) {
                    continue;
                }
                String id = ((MimeBodyPart) part).getContentID();
                if (id == null) {
                    throw malformed("MIME part " + i + " has no Content-ID");
                }
                parts.put(id.replaceAll("^<|>$", ""), new Part(id, part.getContentType(), readAll(part.getInputStream())));
            }
            return new Decoded(readAll(root.getInputStream()), parts);
        } catch (ParseException e) {
            throw malformed("Content-Type cannot be parsed: " + e.getMessage());
        } catch (MessagingException | IOException e) {
            throw malformed("the MIME multipart cannot be read: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static String decode(String id) {
        return java.net.URLDecoder.decode(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static InvalidInputException malformed(String detail) {
        return new InvalidInputException(DmpErrorCode.MALFORMED_ANSWER, "MTOM", detail);
    }
}
