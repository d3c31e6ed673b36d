package fr.duiconnect.mssante.receive;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delivery and disposition reports (RFC 6522 {@code multipart/report}): delivery status notifications (RFC 3464)
 * and message disposition notifications (RFC 8098). Built and read with plain Jakarta Mail parts, so that the
 * connector and the operator simulator share one reading of them.
 */
public final class Reports {

    public static final String DELIVERY_STATUS = "delivery-status";
    public static final String DISPOSITION_NOTIFICATION = "disposition-notification";

    private Reports() {
    }

    /** A {@code multipart/report} with its {@code report-type} parameter. */
    public static MimeMultipart report(String reportType) throws MessagingException {
        return new ReportMultipart(reportType);
    }

    /** A part whose body is given as bytes with its type (for types Jakarta Mail has no handler for). */
    public static MimeBodyPart rawPart(String contentType, String body) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(body.getBytes(StandardCharsets.UTF_8), contentType)));
        part.setHeader("Content-Type", contentType);
        part.setHeader("Content-Transfer-Encoding", body.chars().allMatch(c -> c < 128) ? "7bit" : "8bit");
        return part;
    }

    /** The report type of a part, or null when it is not a {@code multipart/report}. */
    public static String reportType(Part part) throws MessagingException {
        if (!part.isMimeType("multipart/report")) {
            return null;
        }
        try {
            String type = new ContentType(part.getContentType()).getParameter("report-type");
            return type == null ? null : type.toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * The field blocks of a delivery-status or disposition-notification body: blocks separated by blank lines,
     * continuation lines unfolded, field names in lower case.
     */
    public static List<Map<String, String>> fieldBlocks(Part part) throws MessagingException, IOException {
        String text;
        try (InputStream in = part.getInputStream()) {
            text = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
        }
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                lastName = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                current.put(lastName, current.get(lastName) + " " + line.strip());
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lastName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    current.put(lastName, line.substring(colon + 1).strip());
                }
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    /** {@code rfc822; user@domain} → {@code user@domain}. */
    public static String address(String typedAddress) {
        if (typedAddress == null) {
            return null;
        }
        int semicolon = typedAddress.indexOf(';');
        String value = semicolon >= 0 ? typedAddress.substring(semicolon + 1) : typedAddress;
        return value.strip().replaceAll("^<|>$", "");
    }

    private static final class ReportMultipart extends MimeMultipart {
        ReportMultipart(String reportType) throws MessagingException {
            super("report");
            ContentType type = new ContentType(contentType);
            type.setParameter("report-type", reportType);
            contentType = type.toString();
        }
    }
}
