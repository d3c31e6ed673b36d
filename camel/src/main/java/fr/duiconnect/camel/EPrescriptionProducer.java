package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.model.PersonIdentity;
import org.apache.camel.Message;

/** {@code eprescription/import}: the body is the prescription number, the header {@code DuiConnectPerson} the local person. */
final class EPrescriptionProducer extends DuiConnectProducer {

    EPrescriptionProducer(DuiConnectEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Object call(DuiConnectOperation operation, Message in, DuiConnector connector) throws Exception {
        return connector.eprescription().importPrescription(in.getMandatoryBody(String.class),
                Headers.required(in, DuiConnectConstants.PERSON, PersonIdentity.class));
    }
}
