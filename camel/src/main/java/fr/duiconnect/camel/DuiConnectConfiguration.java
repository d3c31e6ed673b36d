package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.operation.OperationState;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import java.time.Duration;

/** The options of a {@code dui-connect:} endpoint. */
@UriParams
public class DuiConnectConfiguration implements Cloneable {

    @UriPath(description = "The service socle, or operations for the journal's state changes",
            enums = "dmp,mssante,ins,eprescription,eparcours,operations")
    @Metadata(required = true)
    private String service;

    @UriPath(description = "The operation of the service: dmp deposit, replace, search, write-dlu; mssante send, inbox;"
            + " ins search; eprescription import; eparcours post, reply, notes (none for operations)")
    private String operation;

    @UriParam(label = "producer", enums = "SENT,ACKED", description = "Journaled producers only: wait until the operation"
            + " reaches this state (SENT: delivered or failed; ACKED: acknowledged or failed) and return its OperationStatus"
            + " instead of the receipt. The journal delivers without it; FAILED comes out as the operation's typed error.")
    private OperationState awaitState;

    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration", description = "How long awaitState"
            + " waits; when it passes first, the status reached so far is returned (the operation stays journaled).")
    private Duration awaitTimeout = Duration.ofSeconds(30);

    @UriParam(label = "consumer", description = "operations: only these journal kinds, comma-separated (e.g. dmp.deposit,mssante.send); all when empty")
    private String kinds;

    @UriParam(label = "consumer", description = "operations: only changes to these states, comma-separated (PENDING,SENT,ACKED,FAILED); all when empty")
    private String states;

    @UriParam(label = "consumer", description = "eparcours/notes: the persons whose notes are pulled at each poll (a PersonsToFollow bean)")
    private PersonsToFollow followed;

    @UriParam(label = "advanced", description = "The connector to use; by default the component's, or the one DuiConnector bean of the registry")
    private DuiConnector connector;

    public String getService() { return service; }

    public void setService(String service) { this.service = service; }

    public String getOperation() { return operation; }

    public void setOperation(String operation) { this.operation = operation; }

    public OperationState getAwaitState() { return awaitState; }

    public void setAwaitState(OperationState awaitState) { this.awaitState = awaitState; }

    public Duration getAwaitTimeout() { return awaitTimeout; }

    public void setAwaitTimeout(Duration awaitTimeout) { this.awaitTimeout = awaitTimeout; }

    public String getKinds() { return kinds; }

    public void setKinds(String kinds) { this.kinds = kinds; }

    public String getStates() { return states; }

    public void setStates(String states) { this.states = states; }

    public PersonsToFollow getFollowed() { return followed; }

    public void setFollowed(PersonsToFollow followed) { this.followed = followed; }

    public DuiConnector getConnector() { return connector; }

    public void setConnector(DuiConnector connector) { this.connector = connector; }

    public DuiConnectConfiguration copy() {
        try {
            return (DuiConnectConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
