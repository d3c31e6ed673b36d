package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.mssante.TokenProvider;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.MssanteSettings;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SASL secret of the next connection: the PLAIN password of an application mailbox, or the current Pro Santé
 * Connect token of a personal/organisational mailbox, asked for at every connection and never kept (ECO.1.2.5).
 * Without a token the session is not opened (ECO.1.2.6) and the failure is retryable, so sending resumes once PSC
 * gives a token again (ECO.1.2.7).
 */
public final class MailCredentials {

    private final MssanteSettings settings;
    private final AtomicReference<TokenProvider> tokens = new AtomicReference<>();

    public MailCredentials(MssanteSettings settings) {
        this.settings = settings;
        if (settings.tokenFile() != null) {
            tokens.set(address -> {
                try {
                    String token = Files.readString(settings.tokenFile()).strip();
                    return token.isEmpty() ? Optional.empty() : Optional.of(Secret.of(token));
                } catch (java.io.IOException e) {
                    return Optional.empty();
                }
            });
        }
    }

    public void tokenProvider(TokenProvider provider) {
        tokens.set(provider);
    }

    public String user() {
        return settings.mailbox().address();
    }

    /** The secret for the next connection, as characters handed to Jakarta Mail only. */
    public String secret(boolean useToken) {
        if (!useToken) {
            return new String(settings.plainPassword().chars());
        }
        TokenProvider provider = tokens.get();
        if (provider == null) {
            throw new DuiConnectException(MssanteErrorCode.AUTHENTICATION, "tokenProvider",
                    "a personal or organisational mailbox needs a Pro Santé Connect TokenProvider");
        }
        Optional<Secret> token = provider.accessToken(user());
        if (token.isEmpty()) {
            throw new DuiConnectException(MssanteErrorCode.PSC_SESSION_ENDED, "tokenProvider",
                    "no Pro Santé Connect token: the IMAP and SMTP sessions stay closed until one is available");
        }
        return new String(token.get().chars());
    }
}
