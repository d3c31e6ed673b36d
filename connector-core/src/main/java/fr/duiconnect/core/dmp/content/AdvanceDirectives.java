package fr.duiconnect.core.dmp.content;

/**
 * What the DLU says of end-of-life wishes (CSP L.1111-11).
 *
 * @param written        the resident wrote directives anticipées
 * @param whereKept      where they can be found (e.g. "copie jointe", "chez la personne de confiance"), may be null
 * @param palliativeCare the resident is under palliative care
 */
public record AdvanceDirectives(boolean written, String whereKept, boolean palliativeCare) {

    public static AdvanceDirectives none() {
        return new AdvanceDirectives(false, null, false);
    }
}
