package fr.duiconnect.eparcours;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

/** A synchronous call to the platform, the body of the module's request route. */
sealed interface PlatformCall {

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
