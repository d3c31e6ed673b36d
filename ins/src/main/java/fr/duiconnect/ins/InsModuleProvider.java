package fr.duiconnect.ins;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.spi.DeliveryEndpoints;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.ins.insi.InsiNamespaces;
import fr.duiconnect.ins.insi.InsiQuery;
import fr.duiconnect.ins.insi.InsiSoap;
import fr.duiconnect.ins.insi.InsiTransport;
import fr.duiconnect.ins.insi.VitaleQuery;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

import java.util.List;
import java.util.UUID;

/**
 * The INS module. Options: {@code dui.ins.option.emitter} (the Emetteur of ContexteBAM/ContexteLPS; default the
 * FINESS in {@code dui.ins.option.finess}; the exact rule is UNCONFIRMED, see shared/specs/ins.md §1.5).
 */
public final class InsModuleProvider implements ServiceModuleProvider {

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.INS;
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        EndpointConfig endpoint = context.endpoint().orElseThrow();
        InsiTransport transport = new InsiTransport(endpoint);
        String emitter = endpoint.option("emitter").or(() -> endpoint.option("finess")).orElse("");
        DefaultInsClient client = new DefaultInsClient(context);
        return new ServiceModule() {
            @Override
            public Object client() {
                return client;
            }

            @Override
            public void close() {
                transport.close();
            }

            @Override
            public List<RoutesBuilder> routes() {
                return List.of(new RouteBuilder() {
                    @Override
                    public void configure() {
                        // Thin glue: one INSi call per exchange; rules and strategy live in DefaultInsClient.
                        from(DeliveryEndpoints.request(DefaultInsClient.ROUTE)).routeId("dui-ins-search")
                                .process(exchange -> {
                                    InsiQuery query = exchange.getMessage().getBody(InsiQuery.class);
                                    String request = InsiSoap.request(query, context.config().software(), emitter,
                                            UUID.randomUUID().toString(), context.clock().instant());
                                    String response = transport.call(request, InsiNamespaces.ACTION_SEARCH_BY_TRAITS);
                                    exchange.getMessage().setBody(InsiSoap.response(response, request));
                                });
                        from(DeliveryEndpoints.request(DefaultInsClient.VITALE_ROUTE)).routeId("dui-ins-search-vitale")
                                .process(exchange -> {
                                    VitaleQuery query = exchange.getMessage().getBody(VitaleQuery.class);
                                    String request = InsiSoap.requestVitale(query.beneficiaryNir(), query.birthName(), query.birthDate(),
                                            query.birthRank(), context.config().software(), emitter, UUID.randomUUID().toString(),
                                            context.clock().instant());
                                    String response = transport.call(request, InsiNamespaces.ACTION_SEARCH_BY_VITALE);
                                    exchange.getMessage().setBody(InsiSoap.response(response, request));
                                });
                    }
                });
            }
        };
    }
}
