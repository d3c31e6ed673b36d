package fr.duiconnect.core.directory;

import java.util.Objects;

/**
 * A service a structure provides, as the directory publishes it (as-dp-healthcareservice-*).
 *
 * @param kind          an équipement social (ESMS) or an activité de soins autorisée (hospital)
 * @param code          the activity code (FINESS discipline d'équipement, or activité sanitaire régulée)
 * @param authorization the ARHGOS authorisation number of an activité de soins, or null
 * @param active        false for a service that has closed
 */
public record HealthcareService(Kind kind, String code, String authorization, boolean active) {

    /** The annuaire IG's two HealthcareService profiles. */
    public enum Kind {
        /** as-healthcareservice-social-equipment: what an ESMS is authorised for. */
        SOCIAL_EQUIPMENT,
        /** as-healthcareservice-healthcare-activity: an activité de soins authorised by the ARS. */
        HEALTHCARE_ACTIVITY
    }

    public HealthcareService {
        Objects.requireNonNull(kind, "kind");
    }
}
