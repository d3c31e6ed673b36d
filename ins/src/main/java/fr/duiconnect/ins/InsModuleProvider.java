package fr.duiconnect.ins;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.spi.Deferred;
import fr.duiconnect.core.spi.ForStructure;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.spi.PerStructure;
import fr.duiconnect.core.structure.StructureProfile;
import fr.duiconnect.core.spi.RequestHandlers;
import fr.duiconnect.core.spi.ServiceModule;
import fr.duiconnect.core.spi.ServiceModuleProvider;
import fr.duiconnect.ins.insi.InsiAnswer;
import fr.duiconnect.ins.insi.InsiBus;
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

    /**
     * One structure's INSi identity: its transport (its ORG AUTH_CLI TLS context, on the module's shared CXF bus) and
     * the Emetteur of its contexts.
     */
    private record StructureInsi(InsiTransport transport, String emitter) implements AutoCloseable {
        @Override public void close() { transport.close(); }
    }

    @Override
    public ServiceModule start(ModuleContext context) {
        EndpointConfig endpoint = context.endpoint().orElseThrow();
        String finess = endpoint.option("finess").orElse(null);
        boolean configured = finess != null || endpoint.option("emitter").isPresent() || context.config().structures().isEmpty();
        // one bus for all the structures (#21): a bus per structure cost its heap several times over. Built with the
        // first structure's transport, in the background (prepare) or at the first search, not at the connector's start.
        Deferred<InsiBus> bus = new Deferred<>("ins-bus", InsiBus::new);
        PerStructure<StructureInsi> structures = PerStructure.deferred(context, finess,
                configured ? () -> identity(bus.get(), endpoint) : null, structure -> identity(bus.get(), context.endpointFor(structure)));
        InsClient client = structures.hasConfigured() ? new DefaultInsClient(context, null)
                : PerStructure.structureRequired(InsClient.class, ServiceSocle.INS);
        RequestHandlers handlers = RequestHandlers.builder()
                .on(DefaultInsClient.SEARCH, (ForStructure<InsiQuery> addressed) -> {
                    StructureInsi structure = structures.forFiness(addressed.finess());
                    String request = InsiSoap.request(addressed.request(), context.config().software(), structure.emitter(),
                            UUID.randomUUID().toString(), context.clock().instant());
                    return answer(structure.transport(), request, InsiNamespaces.ACTION_SEARCH_BY_TRAITS);
                })
                .on(DefaultInsClient.SEARCH_VITALE, (ForStructure<VitaleQuery> addressed) -> {
                    StructureInsi structure = structures.forFiness(addressed.finess());
                    VitaleQuery query = addressed.request();
                    String request = InsiSoap.requestVitale(query.beneficiaryNir(), query.birthName(), query.birthDate(),
                            query.birthRank(), context.config().software(), structure.emitter(), UUID.randomUUID().toString(),
                            context.clock().instant());
                    return answer(structure.transport(), request, InsiNamespaces.ACTION_SEARCH_BY_VITALE);
                })
                .build();
        return new ServiceModule() {
            @Override public Object client() { return client; }

            @Override public Object clientFor(StructureProfile structure) {
                structures.of(structure);   // built (TLS context) when the view is asked for, not at the first search
                return new DefaultInsClient(context, structure.finess().value());
            }

            @Override public RequestHandlers requestHandlers() { return handlers; }

            @Override public java.util.concurrent.CompletionStage<?> prepare() { return structures.prepare(); }

            @Override public void close() {
                structures.built().forEach(StructureInsi::close);
                bus.ifBuilt(InsiBus::close);
            }
        };
    }

    private static StructureInsi identity(InsiBus bus, EndpointConfig endpoint) {
        return new StructureInsi(bus.transport(endpoint, maxAnswerBytes(endpoint)),
                endpoint.option("emitter").or(() -> endpoint.option("finess")).orElse(""));
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
        InsiTransport.Answer answer = transport.call(request, action);
        return InsiSoap.response(answer.envelope(), answer.text(), request);
    }
}
