package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.mssante.IntegrationResult;
import fr.duiconnect.core.mssante.MailboxKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated operator knows: the trust space (the "liste blanche" of operator domains), the mailboxes it
 * hosts with their kind, the ORG AUTH_CLI certificate an application mailbox must present, the Pro Santé Connect
 * tokens it accepts, and the simulated recipients that answer read receipts by themselves. Thread-safe.
 */
public final class OperatorDirectory {

    /** A hosted mailbox. */
    public record HostedMailbox(String address, MailboxKind kind, String clientCertificateCn) {
    }

    private final Set<String> trustedDomains = ConcurrentHashMap.newKeySet();
    private final Map<String, HostedMailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, IntegrationResult> autoResponders = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Token(String mailbox, Instant expiresAt) {
    }

    public OperatorDirectory(Clock clock) {
        this.clock = clock;
    }

    public OperatorDirectory trustDomain(String domain) {
        trustedDomains.add(domain.toLowerCase(Locale.ROOT));
        return this;
    }

    /** A mailbox hosted here; for an application mailbox, the CN its ORG AUTH_CLI certificate must carry. */
    public OperatorDirectory host(String address, MailboxKind kind, String clientCertificateCn) {
        String key = address.toLowerCase(Locale.ROOT);
        mailboxes.put(key, new HostedMailbox(key, kind, clientCertificateCn));
        trustDomain(domainOf(key));
        return this;
    }

    /** A Pro Santé Connect access token valid for the mailbox during the given time. */
    public String issueToken(String mailbox, Duration validity) {
        String token = "psc." + java.util.UUID.randomUUID();
        tokens.put(token, new Token(mailbox.toLowerCase(Locale.ROOT), clock.instant().plus(validity)));
        return token;
    }

    public void revokeToken(String token) {
        tokens.remove(token);
    }

    /** A hosted mailbox that returns an integration MDN by itself when one is asked. */
    public OperatorDirectory autoRespond(String address, IntegrationResult result) {
        autoResponders.put(address.toLowerCase(Locale.ROOT), result);
        return this;
    }

    public boolean isTrusted(String address) {
        return trustedDomains.contains(domainOf(address.toLowerCase(Locale.ROOT)));
    }

    public Optional<HostedMailbox> mailbox(String address) {
        return Optional.ofNullable(mailboxes.get(address.toLowerCase(Locale.ROOT)));
    }

    public Iterable<HostedMailbox> mailboxes() {
        return mailboxes.values();
    }

    public Optional<IntegrationResult> autoResponse(String address) {
        return Optional.ofNullable(autoResponders.get(address.toLowerCase(Locale.ROOT)));
    }

    /** Whether the token is a live PSC token of that mailbox. */
    public boolean tokenValid(String mailbox, String token) {
        Token known = tokens.get(token);
        return known != null && known.mailbox().equalsIgnoreCase(mailbox) && clock.instant().isBefore(known.expiresAt());
    }

    static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
