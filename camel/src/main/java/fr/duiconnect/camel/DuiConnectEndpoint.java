package fr.duiconnect.camel;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * One service operation of the connector. Producers call the service client and put its answer (the public API's
 * record) in the body; journaled ones answer with the receipt once the operation is durable. Consumers start a
 * route for each mail received, note pulled or journal change.
 */
@UriEndpoint(firstVersion = "4.18.0", scheme = "dui-connect", title = "DUI Connect", syntax = "dui-connect:service/operation",
        category = {Category.HEALTH}, headersClass = DuiConnectConstants.class)
public class DuiConnectEndpoint extends ScheduledPollEndpoint {

    private final DuiConnectOperation operation;

    @UriParam
    private final DuiConnectConfiguration configuration;

    DuiConnectEndpoint(String uri, DuiConnectComponent component, DuiConnectOperation operation, DuiConnectConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    public DuiConnectOperation getOperation() {
        return operation;
    }

    public DuiConnectConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case DMP_DEPOSIT, DMP_REPLACE, DMP_SEARCH, DMP_WRITE_DLU -> new DmpProducer(this);
            case MSSANTE_SEND -> new MssanteProducer(this);
            case INS_SEARCH -> new InsProducer(this);
            case EPRESCRIPTION_IMPORT -> new EPrescriptionProducer(this);
            case EPARCOURS_POST, EPARCOURS_REPLY -> new EParcoursProducer(this);
            default -> throw new IllegalArgumentException("dui-connect:" + operation.path() + " is a consumer: it starts a route"
                    + " (from), it cannot be sent to; producers: " + DuiConnectOperation.paths(true));
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (operation) {
            case MSSANTE_INBOX -> new MssanteInboxConsumer(this, processor);
            case EPARCOURS_NOTES -> new EParcoursNotesConsumer(this, processor);
            case OPERATIONS -> new OperationsConsumer(this, processor);
            default -> throw new IllegalArgumentException("dui-connect:" + operation.path() + " is a producer: send to it (to),"
                    + " it cannot start a route; consumers: " + DuiConnectOperation.paths(false));
        };
        configureConsumer(consumer);
        return consumer;
    }
}
