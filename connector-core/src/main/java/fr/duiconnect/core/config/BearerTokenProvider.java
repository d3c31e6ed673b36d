package fr.duiconnect.core.config;

/**
 * Gives the OAuth 2 bearer access token a REST client sends with each request (e.g. a Pro Santé Connect or
 * platform token). Asked for at every request and never stored, so a refreshed token is used as soon as the
 * application has it.
 */
@FunctionalInterface
public interface BearerTokenProvider {

    /** The current access token. */
    Secret accessToken();

    /** A provider that always gives the same token (e.g. read once from a file). */
    static BearerTokenProvider fixed(Secret token) {
        return () -> token;
    }
}
