package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteRef;
import org.apache.camel.Message;

/** {@code eparcours/post} and {@code eparcours/reply} (journaled; a reply names its parent in {@code DuiConnectParentNote}). */
final class EParcoursProducer extends DuiConnectProducer {

    EParcoursProducer(DuiConnectEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Object call(DuiConnectOperation operation, Message in, DuiConnector connector) throws Exception {
        NoteDraft draft = in.getMandatoryBody(NoteDraft.class);
        if (operation == DuiConnectOperation.EPARCOURS_REPLY) {
            return connector.eparcours().reply(Headers.required(in, DuiConnectConstants.PARENT_NOTE, NoteRef.class), draft);
        }
        return connector.eparcours().post(draft);
    }
}
