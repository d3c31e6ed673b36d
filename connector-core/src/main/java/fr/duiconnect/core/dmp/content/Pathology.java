package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Require;

import java.time.LocalDate;

/**
 * An active pathology, coded in CIM-10 (ICD-10, 2.16.840.1.113883.6.3) as the DLU's problem entries are.
 *
 * @param since onset date, may be null
 */
public record Pathology(String cim10, String label, LocalDate since) {

    /** A CIM-10 code: a letter, two digits, optionally a dot and one or two more characters (e.g. J41.0, I21, U83.71). */
    public static final String CIM10 = "[A-Z]\\d{2}(\\.[0-9A-Z]{1,2})?";

    public Pathology {
        Require.matches(cim10, CIM10, "pathology.cim10", "a CIM-10 code such as J41.0");
        Require.text(label, "pathology.label");
    }
}
