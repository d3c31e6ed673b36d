package fr.duiconnect.core.dmp;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

import java.util.EnumSet;
import java.util.Set;

/**
 * A TD3.1 search (ITI-18 FindDocuments) in one person's DMP.
 *
 * @param statuses  availability statuses to return (default: APPROVED)
 * @param typeCodes LOINC typeCodes to keep, empty for all
 */
public record DmpSearch(PersonIdentity person, Set<DocumentAvailability> statuses, Set<String> typeCodes) {

    public DmpSearch {
        Require.present(person, "person");
        statuses = statuses == null || statuses.isEmpty() ? Set.of(DocumentAvailability.APPROVED) : Set.copyOf(statuses);
        typeCodes = typeCodes == null ? Set.of() : Set.copyOf(typeCodes);
    }

    public static DmpSearch approvedDocumentsOf(PersonIdentity person) {
        return new DmpSearch(person, EnumSet.of(DocumentAvailability.APPROVED), Set.of());
    }

    public DmpSearch withStatuses(Set<DocumentAvailability> newStatuses) {
        return new DmpSearch(person, newStatuses, typeCodes);
    }

    public DmpSearch withTypeCodes(Set<String> newTypeCodes) {
        return new DmpSearch(person, statuses, newTypeCodes);
    }
}
