package fr.duiconnect.core.internal;

import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.spi.RequestHandler;
import fr.duiconnect.core.spi.RequestHandlers;
import fr.duiconnect.core.spi.RequestInvoker;
import fr.duiconnect.core.spi.RequestType;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Finds the module's handler of a request type and runs it on the caller's thread; failures come out typed. */
final class HandlerRequestInvoker implements RequestInvoker {

    private final List<RequestHandlers> modules = new CopyOnWriteArrayList<>();

    void register(RequestHandlers handlers) {
        modules.add(handlers);
    }

    @Override
    public <Q, A> A invoke(RequestType<Q, A> type, Q request) {
        RequestHandler<Q, A> handler = modules.stream().map(handlers -> handlers.find(type)).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> new ConfigurationException("modules", "no started module answers " + type));
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            throw ErrorClassifier.classify(e);
        }
    }
}
