package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.content.PreviousVersion;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import org.apache.camel.Message;

/** {@code dmp/deposit}, {@code dmp/replace} (journaled), {@code dmp/search} and {@code dmp/write-dlu}. */
final class DmpProducer extends DuiConnectProducer {

    DmpProducer(DuiConnectEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    Object call(DuiConnectOperation operation, Message in, DuiConnector connector) throws Exception {
        return switch (operation) {
            case DMP_DEPOSIT -> connector.dmp().deposit(in.getMandatoryBody(DmpDeposit.class));
            case DMP_REPLACE -> connector.dmp().replace(in.getMandatoryBody(DmpDeposit.class),
                    Headers.required(in, DuiConnectConstants.REPLACES_UNIQUE_ID, String.class));
            case DMP_SEARCH -> connector.dmp().search(in.getMandatoryBody(DmpSearch.class));
            case DMP_WRITE_DLU -> connector.dmp().writeDlu(in.getMandatoryBody(ResidentRecord.class),
                    in.getHeader(DuiConnectConstants.PREVIOUS_VERSION, PreviousVersion.class));
            default -> throw new IllegalStateException("not a DMP producer: " + operation);
        };
    }
}
