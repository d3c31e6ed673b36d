package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Require;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A vaccination given.
 *
 * @param code       CIS, CIP, UCD or ATC code of the vaccine, may be null
 * @param date       may be null when the DUI only knows that it was given
 * @param lot        batch number, may be null
 * @param otherCodes further codings of the same vaccine, never null (written as in {@link Treatment#otherCodes()})
 */
public record Vaccination(String vaccine, Code code, LocalDate date, String lot, List<Code> otherCodes) {

    public Vaccination {
        Require.text(vaccine, "vaccination.vaccine");
        otherCodes = otherCodes == null ? List.of() : List.copyOf(otherCodes);
    }

    /** A vaccination coded once (or not at all). */
    public Vaccination(String vaccine, Code code, LocalDate date, String lot) {
        this(vaccine, code, date, lot, List.of());
    }

    /** Every coding of the vaccine: {@code code} first, then the others. */
    public List<Code> codings() {
        List<Code> all = new ArrayList<>();
        if (code != null) {
            all.add(code);
        }
        all.addAll(otherCodes);
        return all;
    }
}
