package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.ins.model.InsErrorCode;

import java.util.EnumSet;
import java.util.Set;

/**
 * The RNIV status transitions (RNIV 1 v2.0 §3.1, FR Core identity status):
 * <pre>
 * PROV  --INSI_MATCH-->     RECUP --DOCUMENT_CHECK--> QUAL
 * PROV  --DOCUMENT_CHECK--> VALI  --INSI_MATCH-->     QUAL
 * any   --FLAGGED-->        PROV (INS dropped)
 * </pre>
 * Repeating an event is idempotent (a new INSi match refreshes the INS). A douteuse or fictive identity is never
 * sent to INSi and never leaves PROV (EXI SI 09).
 */
public final class RnivStateMachine {

    private RnivStateMachine() {
    }

    /** The status after an event, from a status and the identity's attributes. */
    public static IdentityStatus next(IdentityStatus from, Set<IdentityAttribute> attributes, RnivEvent event) {
        boolean flagged = attributes.stream().anyMatch(IdentityAttribute::forbidsQualification);
        return switch (event) {
            case FLAGGED_DOUBTFUL_OR_FICTITIOUS -> IdentityStatus.PROV;
            case INSI_MATCH -> {
                if (flagged) {
                    throw doubtful("cannot be sent to INSi");
                }
                yield IdentityStatus.of(true, from.checkedAgainstDocument());
            }
            case DOCUMENT_CHECK -> {
                if (flagged) {
                    throw doubtful("must stay provisoire, a document check cannot raise its status");
                }
                yield IdentityStatus.of(from.retrievedFromInsi(), true);
            }
        };
    }

    /** Refuses before any INSi call for a douteuse or fictive identity. */
    public static void requireInsiAllowed(PersonIdentity identity) {
        if (identity.isFlaggedDoubtfulOrFictitious()) {
            throw doubtful("cannot be sent to INSi");
        }
    }

    /** INSi answered 00 with traits that match: the INS is stored and the status raised. */
    public static PersonIdentity afterInsiMatch(PersonIdentity identity, Ins ins, TraitComparison comparison) {
        requireInsiAllowed(identity);
        if (!comparison.matches()) {
            throw new InvalidInputException(InsErrorCode.RNIV_TRAITS_MISMATCH, "traits",
                    "INSi returned an identity that differs on " + comparison.differingTraits() + "; the INS is not stored");
        }
        if (identity.ins() != null && identity.status() == IdentityStatus.QUAL
                && !identity.ins().matricule().equals(ins.matricule()) && !comparison.formerMatricule()) {
            // A qualified identity whose INS changes is not a transition of the machine: it is an identitovigilance
            // case for a human (possible collision), never an automatic overwrite.
            throw new InvalidInputException(InsErrorCode.RNIV_TRANSITION_FORBIDDEN, "ins",
                    "INSi returned another matricule for a qualified identity; identitovigilance review needed");
        }
        return identity.withStatus(next(identity.status(), identity.attributes(), RnivEvent.INSI_MATCH), ins);
    }

    /** The traits were checked against a high-trust document. */
    public static PersonIdentity afterDocumentCheck(PersonIdentity identity, HighTrustDocument document) {
        if (document == null) {
            throw InvalidInputException.required("document");
        }
        return identity.withStatus(next(identity.status(), identity.attributes(), RnivEvent.DOCUMENT_CHECK), identity.ins());
    }

    /** Flags the identity douteuse or fictive: status PROV, INS invalidated (Guide INS EXI ID 24/26). */
    public static PersonIdentity flag(PersonIdentity identity, IdentityAttribute attribute) {
        if (!attribute.forbidsQualification()) {
            throw InvalidInputException.format("attribute", "DOUT or FICT");
        }
        EnumSet<IdentityAttribute> attributes = identity.attributes().isEmpty()
                ? EnumSet.noneOf(IdentityAttribute.class) : EnumSet.copyOf(identity.attributes());
        attributes.add(attribute);
        return new PersonIdentity(identity.localId(), identity.traits(), null, IdentityStatus.PROV, attributes);
    }

    private static IdentityRefusedException doubtful(String what) {
        return new IdentityRefusedException(InsErrorCode.RNIV_DOUBTFUL_OR_FICTITIOUS, "identity.attributes",
                "a douteuse or fictive identity " + what);
    }
}
