package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Require;

import java.time.LocalDate;

/**
 * A vaccination given.
 *
 * @param code CIS or ATC code of the vaccine, may be null
 * @param date may be null when the DUI only knows that it was given
 * @param lot  batch number, may be null
 */
public record Vaccination(String vaccine, Code code, LocalDate date, String lot) {

    public Vaccination {
        Require.text(vaccine, "vaccination.vaccine");
    }
}
