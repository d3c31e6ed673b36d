package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Require;

/**
 * The health establishment the resident prefers to be taken to in an emergency (DLU section "Dispositions",
 * LOINC 11302-7).
 *
 * @param finess  may be null when the DUI does not hold it
 * @param address may be null
 * @param phone   may be null
 */
public record PreferredFacility(Finess finess, String name, PostalAddress address, String phone) {

    public PreferredFacility {
        Require.text(name, "preferredFacility.name");
        phone = Telecoms.phoneOrNull(phone, "preferredFacility.phone");
    }
}
