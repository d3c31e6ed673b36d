package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ins.CarteVitaleSearch;
import fr.duiconnect.core.ins.InsSearchRequest;
import org.apache.camel.Message;

/** {@code ins/search}: by traits ({@link InsSearchRequest}) or with the carte Vitale ({@link CarteVitaleSearch}). */
final class InsProducer extends DuiConnectProducer {

    InsProducer(DuiConnectEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Object call(DuiConnectOperation operation, Message in, DuiConnector connector) throws Exception {
        if (in.getBody() instanceof CarteVitaleSearch vitale) {
            return connector.ins().searchWithCarteVitale(vitale);
        }
        return connector.ins().search(in.getMandatoryBody(InsSearchRequest.class));
    }
}
