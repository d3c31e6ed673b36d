package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.mssante.PreparedMail;
import org.apache.camel.Message;

/** {@code mssante/send} (journaled): a message to compose, or one prepared earlier. */
final class MssanteProducer extends DuiConnectProducer {

    MssanteProducer(DuiConnectEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Object call(DuiConnectOperation operation, Message in, DuiConnector connector) throws Exception {
        if (in.getBody() instanceof PreparedMail prepared) {
            return connector.mssante().send(prepared);
        }
        return connector.mssante().send(in.getMandatoryBody(MssanteMessage.class));
    }
}
