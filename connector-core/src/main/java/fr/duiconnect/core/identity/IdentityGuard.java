package fr.duiconnect.core.identity;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;

/**
 * The one identitovigilance gate every module passes before an INS leaves the DUI: only a qualified identity
 * (RNIV status QUAL, no douteuse/fictive attribute) may carry its INS in an exchange (DMP, MSSanté to a patient
 * address, e-parcours). RNIV EXI ID 29; FR Core Patient INS: "Le matricule INS ne peut être véhiculé que dans
 * le cas d'une identité qualifiée".
 */
public final class IdentityGuard {

    private IdentityGuard() {
    }

    /**
     * Returns the INS of a qualified identity, or refuses.
     *
     * @param exchange what the INS is for, named in the refusal (e.g. "DMP deposit")
     */
    public static Ins requireQualified(PersonIdentity identity, String exchange) {
        if (identity == null) {
            throw new IdentityRefusedException(CoreErrorCode.IDENTITY_NOT_QUALIFIED, "identity", "is required for " + exchange);
        }
        if (identity.isFlaggedDoubtfulOrFictitious()) {
            throw new IdentityRefusedException(CoreErrorCode.IDENTITY_DOUBTFUL_OR_FICTITIOUS, "identity.attributes",
                    "a douteuse or fictive identity cannot be used for " + exchange);
        }
        if (!identity.isQualified()) {
            throw new IdentityRefusedException(CoreErrorCode.IDENTITY_NOT_QUALIFIED, "identity.status",
                    "is " + identity.status() + " (" + identity.status().label() + "); " + exchange
                            + " needs a qualified identity (QUAL)");
        }
        return identity.ins();
    }
}
