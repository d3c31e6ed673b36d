package fr.duiconnect.core.eprescription;

import java.util.List;

/**
 * Who prescribed. The IG's requester is an FR Core Practitioner, often given only by identifier.
 *
 * @param nationalId     RPPS (or ADELI) number; the identifier system is in {@code idSystem}
 * @param familyName     may be null when only the identifier was given
 * @param profession     profession code (TRE_G15) or display, may be null
 */
public record Prescriber(String nationalId, String idSystem, String familyName, List<String> givenNames,
                         String profession, String specialty) {

    public Prescriber {
        givenNames = givenNames == null ? List.of() : List.copyOf(givenNames);
    }
}
