package fr.duiconnect.core.structure;

import fr.duiconnect.core.error.ErrorCode;

/** Why a request naming a structure is refused: always before anything is sent or journaled. */
public enum StructureErrorCode implements ErrorCode {
    UNKNOWN("STRUCTURE-UNKNOWN", "a request names a structure the connector's registry holds"),
    DISABLED("STRUCTURE-DISABLED", "a disabled structure neither sends nor has its pending operations delivered"),
    SERVICE_NOT_ENABLED("STRUCTURE-SERVICE-NOT-ENABLED", "a structure uses only the services socles its registry entry enables"),
    IDENTITY_MISMATCH("STRUCTURE-IDENTITY-MISMATCH",
            "an exchange carries the identity of the structure it is made for, never another's (VIHF Identifiant_Structure,"
                    + " TLS certificate, signing key, mailbox)");

    private final String code;
    private final String rule;

    StructureErrorCode(String code, String rule) {
        this.code = code;
        this.rule = rule;
    }

    @Override public String code() { return code; }
    @Override public String rule() { return rule; }
    @Override public String reference() { return ""; }
}
