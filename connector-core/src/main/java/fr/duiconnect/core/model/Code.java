package fr.duiconnect.core.model;

/**
 * A coded value from a terminology: code, code system OID (or URI) and display name.
 * Used for XDS metadata, CDA and FHIR alike.
 */
public record Code(String code, String codeSystem, String displayName) {

    public Code {
        Require.text(code, "code");
        Require.text(codeSystem, "codeSystem");
        displayName = displayName == null ? "" : displayName;
    }

    public static Code of(String code, String codeSystem, String displayName) {
        return new Code(code, codeSystem, displayName);
    }
}
