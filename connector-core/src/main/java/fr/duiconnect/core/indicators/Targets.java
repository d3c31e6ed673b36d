package fr.duiconnect.core.indicators;

import fr.duiconnect.core.error.InvalidInputException;

/**
 * Targets of the usage indicators, in percent. The programme's published targets are the defaults
 * ({@link #ESMS_NUMERIQUE}); a region or a later phase may set others, so they are inputs, not constants.
 */
public record Targets(double mssanteRate, double dmpRate, double activityRate) {

    /** MSSanté 70 %, DMP 70 %, DUI activity 90 % (shared/specs/eprescription-eparcours.md §C). */
    public static final Targets ESMS_NUMERIQUE = new Targets(70, 70, 90);

    public Targets {
        for (double target : new double[] {mssanteRate, dmpRate, activityRate}) {
            if (target < 0 || target > 100) {
                throw InvalidInputException.format("targets", "percentages between 0 and 100");
            }
        }
    }
}
