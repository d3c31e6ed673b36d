package fr.duiconnect.dmp;

import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpPatientStatus;
import fr.duiconnect.core.dmp.DocumentAvailability;
import fr.duiconnect.core.dmp.RetrievedDocument;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.spi.ForStructure;
import fr.duiconnect.core.spi.RequestHandlers;
import fr.duiconnect.core.spi.RequestType;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The DMP's synchronous transactions as typed requests, answered by the gateway. No route: the gateway's transport
 * (JDK HttpClient, one MTOM codec) sends the envelope serialised once after the VIHF is signed, which a SOAP stack
 * in a Camel route would serialise again.
 */
final class DmpRequests {

    /** TD0.2, test d'existence. */
    static final RequestType<ForStructure<Ins>, DmpPatientStatus> EXISTENCE = RequestType.named("dmp-existence");
    /** ITI-18 FindDocuments. */
    static final RequestType<ForStructure<Find>, List<DmpDocumentEntry>> FIND = RequestType.named("dmp-find-documents");
    /** ITI-18 GetDocuments by uniqueId, then ITI-43. */
    static final RequestType<ForStructure<Retrieval>, RetrievedDocument> RETRIEVE = RequestType.named("dmp-retrieve");

    record Find(Ins ins, Collection<DocumentAvailability> statuses) {
    }

    record Retrieval(Ins ins, String uniqueId) {
    }

    private DmpRequests() {
    }

    /** @param gateways the gateway of a structure (its TLS certificate and VIHF signer), by FINESS */
    static RequestHandlers handlers(Function<String, DmpGateway> gateways) {
        return RequestHandlers.builder()
                .on(EXISTENCE, existence -> gateways.apply(existence.finess()).testExistence(existence.request()))
                .on(FIND, addressed -> {
                    Find find = addressed.request();
                    return gateways.apply(addressed.finess()).findDocuments(find.ins(), find.statuses());
                })
                .on(RETRIEVE, addressed -> {
                    Retrieval retrieval = addressed.request();
                    DmpGateway gateway = gateways.apply(addressed.finess());
                    DmpDocumentEntry entry = gateway.getDocument(retrieval.ins(), retrieval.uniqueId()).map(DmpGateway.Found::entry)
                            .orElseThrow(() -> new InvalidInputException(DmpErrorCode.DOCUMENT_NOT_FOUND, "uniqueId",
                                    "no document " + retrieval.uniqueId() + " in this person's DMP"));
                    return gateway.retrieve(retrieval.ins(), entry.repositoryUniqueId(), retrieval.uniqueId());
                })
                .build();
    }
}
