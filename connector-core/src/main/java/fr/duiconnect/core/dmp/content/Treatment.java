package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Require;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A current treatment line of the DUI.
 *
 * @param medication  the medication as the prescription names it
 * @param code        CIS (1.2.250.1.213.2.3.1), CIP or ATC (2.16.840.1.113883.6.73) code, may be null
 * @param start       may be null
 * @param end         may be null (long-term treatment)
 * @param dose        quantity per intake, may be null
 * @param doseUnit    UCUM unit or annotation such as {@code {comprimé}}, required with a dose
 * @param timesPerDay intakes per day, may be null
 * @param instructions posology in plain words, may be null
 */
public record Treatment(String medication, Code code, LocalDate start, LocalDate end, BigDecimal dose, String doseUnit,
                        Integer timesPerDay, String instructions) {

    public Treatment {
        Require.text(medication, "treatment.medication");
    }

    public static Treatment of(String medication, String instructions) {
        return new Treatment(medication, null, null, null, null, null, null, instructions);
    }
}
