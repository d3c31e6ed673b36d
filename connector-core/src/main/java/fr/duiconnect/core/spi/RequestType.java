package fr.duiconnect.core.spi;

import fr.duiconnect.core.model.Require;

/**
 * Names one synchronous exchange of a module with its service, typed by what goes in ({@code Q}) and what comes back
 * ({@code A}); the key of a {@link RequestHandler} in {@link RequestHandlers}. Compared by identity: declare each
 * type once, as a constant.
 *
 * <pre>{@code
 * static final RequestType<InsiQuery, InsiAnswer> SEARCH = RequestType.named("ins-search");
 * }</pre>
 */
public final class RequestType<Q, A> {

    private final String name;

    private RequestType(String name) {
        this.name = name;
    }

    public static <Q, A> RequestType<Q, A> named(String name) {
        return new RequestType<>(Require.text(name, "name"));
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
