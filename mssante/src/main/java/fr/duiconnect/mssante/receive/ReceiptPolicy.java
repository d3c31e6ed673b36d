package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.error.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may settle a sent message by a DSN or MDN (#19 point 3). A receipt is believed only from the recipient's own
 * domain or from an operator configured for it, and, for the senders configured as signing, only with a verified
 * S/MIME signature:
 *
 * <pre>
 * dui.mssante.option.receipts.operators=mta.operateur.fr, hopital-a.mssante.fr=mta.hopital.fr
 *     an entry without '=' is an operator that reports for every recipient (the sending operator's MTA, whose DSNs
 *     say "delivered"); recipient-domain=operator-domain names the operator of one recipient domain
 * dui.mssante.option.receipts.signed-by=mta.operateur.fr, *   (sender domains that sign their receipts; * = all)
 * </pre>
 *
 * No public MSSanté text makes operators sign their receipts, hence no signature is required by default.
 */
public record ReceiptPolicy(Set<String> operatorsForAll, Map<String, Set<String>> operatorsByDomain, Set<String> signedBy) {

    public static final ReceiptPolicy RECIPIENT_DOMAIN_ONLY = new ReceiptPolicy(Set.of(), Map.of(), Set.of());

    public ReceiptPolicy {
        operatorsForAll = Set.copyOf(operatorsForAll);
        operatorsByDomain = Map.copyOf(operatorsByDomain);
        signedBy = Set.copyOf(signedBy);
    }

    /** Reads the two options (either may be absent). */
    public static ReceiptPolicy parse(String operators, String signedBy) {
        Set<String> forAll = new LinkedHashSet<>();
        Map<String, Set<String>> byDomain = new LinkedHashMap<>();
        for (String entry : list(operators)) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                forAll.add(domain(entry, "dui.mssante.option.receipts.operators"));
            } else {
                byDomain.computeIfAbsent(domain(entry.substring(0, equals), "dui.mssante.option.receipts.operators"), d -> new LinkedHashSet<>())
                        .add(domain(entry.substring(equals + 1), "dui.mssante.option.receipts.operators"));
            }
        }
        Set<String> signing = new LinkedHashSet<>();
        for (String entry : list(signedBy)) {
            signing.add(entry.equals("*") ? "*" : domain(entry, "dui.mssante.option.receipts.signed-by"));
        }
        return new ReceiptPolicy(forAll, byDomain, signing);
    }

    /** Whether a receipt sent from this address may speak for this recipient. */
    public boolean mayReportFor(String senderAddress, String recipientAddress) {
        String sender = domainOf(senderAddress);
        String recipient = domainOf(recipientAddress);
        if (sender == null || recipient == null) {
            return false;
        }
        return sender.equals(recipient) || operatorsForAll.contains(sender)
                || operatorsByDomain.getOrDefault(recipient, Set.of()).contains(sender);
    }

    /** Whether receipts from this address must carry a verified S/MIME signature. */
    public boolean mustBeSigned(String senderAddress) {
        String sender = domainOf(senderAddress);
        return signedBy.contains("*") || (sender != null && signedBy.contains(sender));
    }

    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? null : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String domain(String value, String property) {
        String domain = value.strip().toLowerCase(Locale.ROOT);
        if (!domain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            throw new ConfigurationException(property, "lists mail domains (e.g. mta.operateur.fr or recipient.fr=mta.operateur.fr), not '" + value.strip() + "'");
        }
        return domain;
    }
}
