package fr.duiconnect.camel;

import fr.duiconnect.core.eparcours.PullResult;
import fr.duiconnect.core.eparcours.ReceivedNote;
import fr.duiconnect.core.model.PersonIdentity;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

import java.util.Map;

/**
 * {@code dui-connect:eparcours/notes}: at each poll, the notes others wrote about each followed person since the last
 * pull (the connector's durable cursor: each new note or version once, across restarts), one exchange per note, body
 * the {@link ReceivedNote}, header {@code DuiConnectPerson}. A failed route goes to the exception handler; the pull
 * has moved on.
 */
final class EParcoursNotesConsumer extends ScheduledPollConsumer {

    private final DuiConnectConfiguration configuration;

    EParcoursNotesConsumer(DuiConnectEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected int poll() {
        int routed = 0;
        for (PersonIdentity person : configuration.getFollowed().persons()) {
            PullResult pulled = configuration.getConnector().eparcours().pull(person);
            for (ReceivedNote note : pulled.notes()) {
                ConsumerExchanges.route(this, note, Map.of(DuiConnectConstants.PERSON, person));
                routed++;
            }
        }
        return routed;
    }
}
