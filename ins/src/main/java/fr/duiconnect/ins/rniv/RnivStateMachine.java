package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.ins.InsErrorCode;

import java.util.EnumSet;
import java.util.Set;

/**
 * The RNIV statuses as a state machine (shared/specs/ins.md §3.1–3.2):
 * <pre>
 *   PROV --INSi 00 + traits match--> RECUP --high-trust document--> QUAL
 *   PROV --high-trust document-----> VALI  --INSi 00 + traits match-> QUAL
 *   any  --douteuse / fictive------> PROV (INS invalidated); never sent to INSi
 * </pre>
 */
public final class RnivStateMachine {

    private RnivStateMachine() {
    }

    /** Refuses an INSi call for a douteuse or fictive identity (EXI SI 09). */
    public static void requireInsiAllowed(PersonIdentity identity) {
        if (identity.isFlaggedDoubtfulOrFictitious()) {
            throw new IdentityRefusedException(InsErrorCode.RNIV_DOUBTFUL_OR_FICTITIOUS, "identity.attributes",
                    "a douteuse or fictive identity is never sent to INSi");
        }
    }

    /** The status after INSi returned the identity (code 00) and its traits matched the local ones. */
    public static IdentityStatus afterInsiMatch(IdentityStatus current) {
        return switch (current) {
            case PROV, RECUP -> IdentityStatus.RECUP;
            case VALI, QUAL -> IdentityStatus.QUAL;
        };
    }

    /** The identity after INSi returned it (code 00) and its traits matched: RECUP, or QUAL if it was VALI. */
    public static PersonIdentity afterInsiMatch(PersonIdentity identity, Ins ins) {
        requireInsiAllowed(identity);
        return identity.withStatus(afterInsiMatch(identity.status()), ins);
    }

    /** The identity after its traits were checked against a high-trust document (CNI, passeport, titre de séjour...). */
    public static PersonIdentity afterDocumentCheck(PersonIdentity identity, HighTrustDocument document) {
        if (identity.isFlaggedDoubtfulOrFictitious()) {
            throw new IdentityRefusedException(InsErrorCode.RNIV_DOUBTFUL_OR_FICTITIOUS, "identity.attributes",
                    "a douteuse or fictive identity cannot be validated; remove the attribute first");
        }
        IdentityStatus next = switch (identity.status()) {
            case PROV, VALI -> IdentityStatus.VALI;
            case RECUP, QUAL -> IdentityStatus.QUAL;
        };
        return identity.withStatus(next, identity.ins());
    }

    /** Flags the identity douteuse or fictive: it becomes PROV and its INS is invalidated (EXI ID 24/26). */
    public static PersonIdentity flag(PersonIdentity identity, IdentityAttribute attribute) {
        if (!attribute.forbidsQualification()) {
            Set<IdentityAttribute> attributes = EnumSet.of(attribute);
            attributes.addAll(identity.attributes());
            return new PersonIdentity(identity.localId(), identity.traits(), identity.ins(), identity.status(), attributes);
        }
        Set<IdentityAttribute> attributes = EnumSet.noneOf(IdentityAttribute.class);
        attributes.addAll(identity.attributes());
        attributes.remove(attribute == IdentityAttribute.DOUT ? IdentityAttribute.FICT : IdentityAttribute.DOUT);
        attributes.add(attribute);
        return new PersonIdentity(identity.localId(), identity.traits(), null, IdentityStatus.PROV, attributes);
    }
}
