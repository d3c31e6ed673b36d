package fr.duiconnect.eparcours;

import fr.duiconnect.core.spi.RequestType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

/** A synchronous call to the platform; each kind has its typed request, answered by {@link PlatformGateway}. */
sealed interface PlatformCall {

    RequestType<Transaction, Bundle> TRANSACTION = RequestType.named("eparcours-transaction");
    RequestType<Read, DocumentReference> READ = RequestType.named("eparcours-read");
    RequestType<Update, String> UPDATE = RequestType.named("eparcours-update");
    RequestType<Create, String> CREATE = RequestType.named("eparcours-create");
    RequestType<Search, Bundle> SEARCH = RequestType.named("eparcours-search");

    /** A transaction Bundle (creation of a note). Answer: the transaction-response Bundle. */
    record Transaction(Bundle bundle) implements PlatformCall {
    }

    /** Read one note. Answer: the DocumentReference (meta.versionId set). */
    record Read(String id) implements PlatformCall {
    }

    /** Update one note if still at {@code version}. Answer: the new version id. */
    record Update(DocumentReference note, String version) implements PlatformCall {
    }

    /** Create one resource (a Subscription). Answer: its id. */
    record Create(org.hl7.fhir.r4.model.Resource resource) implements PlatformCall {
    }

    /** A search (relative URL), all pages up to the bound, in one Bundle. */
    record Search(String url) implements PlatformCall {
    }
}
