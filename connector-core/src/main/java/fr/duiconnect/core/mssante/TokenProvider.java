package fr.duiconnect.core.mssante;

import fr.duiconnect.core.config.Secret;

import java.util.Optional;

/**
 * Gives the Pro Santé Connect access token used for SASL XOAUTH2 on personal and organisational mailboxes
 * (ECO.1.2.1). The connector asks for it at each connection and never stores it (ECO.1.2.5). An empty answer
 * means the PSC session is over: the connector closes its IMAP/SMTP sessions and does not reopen them
 * (ECO.1.2.6) until a token is available again (ECO.1.2.7).
 */
@FunctionalInterface
public interface TokenProvider {

    /** The current access token (a JWT) for the mailbox, or empty when the PSC session has ended. */
    Optional<Secret> accessToken(String mailboxAddress);
}
