package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.operation.OperationState;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;
import java.util.Set;

/**
 * The {@code dui-connect:} component: the services socles of a {@link DuiConnector} as endpoints
 * ({@code dui-connect:dmp/deposit}, {@code dui-connect:mssante/inbox}, {@code dui-connect:operations}; see
 * {@link DuiConnectOperation}). In a vendor's own Camel context:
 * {@code context.addComponent("dui-connect", new DuiConnectComponent(connector))}, or bind one {@code DuiConnector}
 * bean and let Camel find the component: the connector binds itself so in its own context.
 */
@Component("dui-connect")
public class DuiConnectComponent extends DefaultComponent {

    @Metadata(autowired = true, description = "The connector whose services the endpoints use")
    private DuiConnector connector;

    public DuiConnectComponent() {
    }

    public DuiConnectComponent(DuiConnector connector) {
        this.connector = connector;
    }

    public DuiConnector getConnector() {
        return connector;
    }

    public void setConnector(DuiConnector connector) {
        this.connector = connector;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DuiConnectOperation operation = DuiConnectOperation.of(remaining).orElseThrow(() -> new IllegalArgumentException(
                "dui-connect:" + remaining + " names no endpoint; producers: " + DuiConnectOperation.paths(true)
                        + "; consumers: " + DuiConnectOperation.paths(false)));
        DuiConnectConfiguration configuration = new DuiConnectConfiguration();
        int slash = remaining.indexOf('/');
        configuration.setService(slash < 0 ? remaining : remaining.substring(0, slash));
        configuration.setOperation(slash < 0 ? null : remaining.substring(slash + 1));
        DuiConnectEndpoint endpoint = new DuiConnectEndpoint(uri, this, operation, configuration);
        setProperties(endpoint, parameters);
        check(remaining, operation, configuration);
        if (configuration.getConnector() == null) {
            configuration.setConnector(connector != null ? connector : lookupConnector());
        }
        return endpoint;
    }

    private static void check(String path, DuiConnectOperation operation, DuiConnectConfiguration configuration) {
        OperationState await = configuration.getAwaitState();
        if (await != null && operation.role() != DuiConnectOperation.Role.JOURNALED) {
            throw new IllegalArgumentException("awaitState: dui-connect:" + path + " is not journaled; only "
                    + "journaled producers (dmp/deposit, dmp/replace, mssante/send, eparcours/post, eparcours/reply) wait");
        }
        if (await != null && !Set.of(OperationState.SENT, OperationState.ACKED).contains(await)) {
            throw new IllegalArgumentException("awaitState: SENT or ACKED (FAILED comes out as the operation's error), not " + await);
        }
        if (configuration.getAwaitTimeout() == null || configuration.getAwaitTimeout().isNegative()
                || configuration.getAwaitTimeout().isZero()) {
            throw new IllegalArgumentException("awaitTimeout: a positive duration such as PT30S or 30s");
        }
        if (operation == DuiConnectOperation.EPARCOURS_NOTES && configuration.getFollowed() == null) {
            throw new IllegalArgumentException("followed: dui-connect:eparcours/notes needs the persons to follow, "
                    + "e.g. followed=#residents (a PersonsToFollow bean)");
        }
        OperationsConsumer.parseStates(configuration.getStates());
    }

    private DuiConnector lookupConnector() {
        Set<DuiConnector> found = getCamelContext().getRegistry().findByType(DuiConnector.class);
        if (found.size() != 1) {
            throw new IllegalArgumentException("connector: no DuiConnector for the dui-connect component (" + found.size()
                    + " in the registry); add new DuiConnectComponent(connector) to the context, bind exactly one"
                    + " DuiConnector bean, or set connector=#name on the endpoint");
        }
        return found.iterator().next();
    }
}
