package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Require;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A current treatment line of the DUI.
 *
 * @param medication  the medication as the prescription names it
 * @param code        CIS (1.2.250.1.213.2.3.1), CIP, UCD or ATC (2.16.840.1.113883.6.73) code, may be null
 * @param start       may be null
 * @param end         may be null (long-term treatment)
 * @param dose        quantity per intake, may be null
 * @param doseUnit    UCUM unit or annotation such as {@code {comprimé}}, required with a dose
 * @param timesPerDay intakes per day, may be null
 * @param instructions posology in plain words, may be null
 * @param otherCodes  further codings of the same product (e.g. its ATC class next to its CIS), never null; the CDA
 *                    carries a CIS in {@code code} and every other coding as a {@code translation} (FR-Produit-de-sante)
 */
public record Treatment(String medication, Code code, LocalDate start, LocalDate end, BigDecimal dose, String doseUnit,
                        Integer timesPerDay, String instructions, List<Code> otherCodes) {

    public Treatment {
        Require.text(medication, "treatment.medication");
        otherCodes = otherCodes == null ? List.of() : List.copyOf(otherCodes);
    }

    /** A treatment coded once (or not at all). */
    public Treatment(String medication, Code code, LocalDate start, LocalDate end, BigDecimal dose, String doseUnit,
                     Integer timesPerDay, String instructions) {
        this(medication, code, start, end, dose, doseUnit, timesPerDay, instructions, List.of());
    }

    /** Every coding of the product: {@code code} first, then the others. */
    public List<Code> codings() {
        java.util.ArrayList<Code> all = new java.util.ArrayList<>();
        if (code != null) {
            all.add(code);
        }
        all.addAll(otherCodes);
        return all;
    }

    public static Treatment of(String medication, String instructions) {
        return new Treatment(medication, null, null, null, null, null, null, instructions);
    }
}
