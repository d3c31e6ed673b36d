package fr.duiconnect.core.spi;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The synchronous exchanges a module answers, each handler registered under its {@link RequestType}: the builder's
 * {@link Builder#on} ties a handler's types to its key, which is what makes {@link #find} safe.
 */
public final class RequestHandlers {

    private static final RequestHandlers NONE = new RequestHandlers(Map.of());

    private final Map<RequestType<?, ?>, RequestHandler<?, ?>> handlers;

    private RequestHandlers(Map<RequestType<?, ?>, RequestHandler<?, ?>> handlers) {
        this.handlers = handlers;
    }

    public static RequestHandlers none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    @SuppressWarnings("unchecked") // Builder.on only pairs a RequestType<Q, A> with a RequestHandler<Q, A>
    public <Q, A> Optional<RequestHandler<Q, A>> find(RequestType<Q, A> type) {
        return Optional.ofNullable((RequestHandler<Q, A>) handlers.get(type));
    }

    public Set<RequestType<?, ?>> types() {
        return Set.copyOf(handlers.keySet());
    }

    public static final class Builder {
        private final Map<RequestType<?, ?>, RequestHandler<?, ?>> handlers = new IdentityHashMap<>();

        private Builder() {
        }

        public <Q, A> Builder on(RequestType<Q, A> type, RequestHandler<Q, A> handler) {
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("two handlers for the request type " + type);
            }
            return this;
        }

        public RequestHandlers build() {
            return new RequestHandlers(new IdentityHashMap<>(handlers));
        }
    }
}
