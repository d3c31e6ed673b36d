package fr.duiconnect.core.dmp;

import java.util.Arrays;
import java.util.Optional;

/** The availabilityStatus of a DMP document entry (XDS statuses and the DMP's own, NOS TRE_R270 / JDV_J52). */
public enum DocumentAvailability {
    APPROVED("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved"),
    DEPRECATED("urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated"),
    ARCHIVED("urn:asip:ci-sis:2010:StatusType:Archived"),
    DELETED("urn:asip:ci-sis:2010:StatusType:Deleted");

    private final String urn;

    DocumentAvailability(String urn) {
        this.urn = urn;
    }

    public String urn() {
        return urn;
    }

    public static Optional<DocumentAvailability> fromUrn(String urn) {
        return Arrays.stream(values()).filter(s -> s.urn.equals(urn)).findFirst();
    }
}
