package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Require;

/** A French postal address as the CDA header carries it (streetAddressLine, postalCode, city). */
public record PostalAddress(String street, String postalCode, String city) {

    public PostalAddress {
        Require.text(street, "address.street");
        Require.matches(postalCode, "\\d{5}", "address.postalCode", "5 digits");
        Require.text(city, "address.city");
    }
}
