package fr.duiconnect.ins;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.RequestHandlers;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.ins.insi.InsiAnswer;
import fr.duiconnect.ins.insi.InsiNamespaces;
import fr.duiconnect.ins.insi.InsiQuery;
import fr.duiconnect.ins.insi.InsiSoap;
import fr.duiconnect.ins.insi.InsiTransport;
import fr.duiconnect.ins.insi.VitaleQuery;

import java.util.UUID;

/**
 * The INS module. Options: {@code dui.ins.option.max-answer-bytes} (the cap of an INSi answer, default 1 MiB),
 * {@code dui.ins.option.emitter} (the Emetteur of ContexteBAM/ContexteLPS; default the
 * FINESS in {@code dui.ins.option.finess}; the exact rule is UNCONFIRMED, see shared/specs/ins.md §1.5).
 * INSi is synchronous: one typed handler per INSi call, no route (rules and strategy live in DefaultInsClient).
 */
public final class InsModuleProvider implements ServiceModuleProvider {

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.INS;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        EndpointConfig endpoint = context.endpoint().orElseThrow();
        InsiTransport transport = new InsiTransport(endpoint, maxAnswerBytes(endpoint));
        String emitter = endpoint.option("emitter").or(() -> endpoint.option("finess")).orElse("");
        DefaultInsClient client = new DefaultInsClient(context);
        RequestHandlers handlers = RequestHandlers.builder()
                .on(DefaultInsClient.SEARCH, (InsiQuery query) -> {
                    String request = InsiSoap.request(query, context.config().software(), emitter,
                            UUID.randomUUID().toString(), context.clock().instant());
                    return answer(transport, request, InsiNamespaces.ACTION_SEARCH_BY_TRAITS);
                })
                .on(DefaultInsClient.SEARCH_VITALE, (VitaleQuery query) -> {
                    String request = InsiSoap.requestVitale(query.beneficiaryNir(), query.birthName(), query.birthDate(),
                            query.birthRank(), context.config().software(), emitter, UUID.randomUUID().toString(),
                            context.clock().instant());
                    return answer(transport, request, InsiNamespaces.ACTION_SEARCH_BY_VITALE);
                })
                .build();
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public RequestHandlers requestHandlers() { return handlers; }

            @Override public void close() { transport.close(); }
        };
    }

    private static long maxAnswerBytes(EndpointConfig endpoint) {
        String value = endpoint.option("max-answer-bytes").orElse(String.valueOf(InsiTransport.DEFAULT_MAX_ANSWER_BYTES));
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below with the rule
        }
        throw new fr.duiconnect.core.error.ConfigurationException("dui.ins.option.max-answer-bytes", "must be a positive number of bytes");
    }

    private static InsiAnswer answer(InsiTransport transport, String request, String action) {
        return InsiSoap.response(transport.call(request, action), request);
    }
}
