package fr.duiconnect.core.error;

/** Identitovigilance refusal: the identity's RNIV status or attributes forbid the exchange. */
public class IdentityRefusedException extends DuiConnectException {

    public IdentityRefusedException(ErrorCode code, String field, String message) {
        super(code, field, message);
    }
}
