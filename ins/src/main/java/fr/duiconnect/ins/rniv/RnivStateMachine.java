package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.ins.InsErrorCode;

/**
 * RNIV transitions (FR Core fr-core-cs-identity-status; spec §3.1):
 * PROV → (INSi 00 + traits match) → RECUP → (document check) → QUAL;
 * PROV → (document check) → VALI → (INSi 00) → QUAL. A douteuse or fictive identity stays PROV and is never
 * sent to INSi (EXI SI 09): {@link #requireInsiAllowed} refuses it before any call.
 */
public final class RnivStateMachine {

    private RnivStateMachine() { }

    /** Refuses to send a douteuse or fictive identity to INSi. */
    public static void requireInsiAllowed(PersonIdentity identity) {
        if (identity.isFlaggedDoubtfulOrFictitious()) {
            throw new IdentityRefusedException(InsErrorCode.DOUBTFUL_OR_FICTITIOUS, "attributes",
                    "the identity is flagged " + identity.attributes() + ": it is never sent to INSi and stays PROV");
        }
    }

    /** The status after {@code event}: the two criteria (INSi, document) accumulate. */
    public static IdentityStatus next(IdentityStatus current, RnivEvent event) {
        return switch (event) {
            case INSI_SUCCESS -> IdentityStatus.of(true, current.checkedAgainstDocument());
            case DOCUMENT_CHECK -> IdentityStatus.of(current.retrievedFromInsi(), true);
        };
    }

    /** INSi found the person and the traits matched: keep the INS, RECUP or QUAL (when already VALI). */
    public static PersonIdentity afterInsiSuccess(PersonIdentity identity, Ins ins, TraitComparison comparison) {
        requireInsiAllowed(identity);
        if (!comparison.matches()) {
            throw new IdentityRefusedException(InsErrorCode.TRAITS_MISMATCH, "traits",
                    "INSi returned traits that differ on " + comparison.differingFields() + ": the identity stays " + identity.status());
        }
        return identity.withStatus(next(identity.status(), RnivEvent.INSI_SUCCESS), ins);
    }

    /** A high-trust document confirmed the traits: VALI, or QUAL when the INS was already retrieved. */
    public static PersonIdentity afterDocumentCheck(PersonIdentity identity) {
        if (identity.isFlaggedDoubtfulOrFictitious()) {
            throw new IdentityRefusedException(InsErrorCode.DOUBTFUL_OR_FICTITIOUS, "attributes",
                    "a douteuse or fictive identity stays PROV: remove the attribute before validating it");
        }
        return identity.withStatus(next(identity.status(), RnivEvent.DOCUMENT_CHECK), identity.ins());
    }
}
