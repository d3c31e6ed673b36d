package fr.duiconnect.core.model;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A person's identity as the DUI holds it: traits, INS (once retrieved), RNIV status and attributes, and the
 * DUI's own identifier (IPP-like).
 *
 * <p>The factory enforces the RNIV invariants: douteuse and fictive cannot be combined, and such an identity is
 * PROV; a status retrieved through INSi (RECUP, QUAL) needs an INS.
 */
public record PersonIdentity(String localId, IdentityTraits traits, Ins ins, IdentityStatus status,
                             Set<IdentityAttribute> attributes) {

    public PersonIdentity {
        Require.text(localId, "localId");
        Require.present(traits, "traits");
        Require.present(status, "status");
        attributes = attributes == null || attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
        if (attributes.contains(IdentityAttribute.DOUT) && attributes.contains(IdentityAttribute.FICT)) {
            throw new InvalidInputException(CoreErrorCode.IDENTITY_DOUBTFUL_OR_FICTITIOUS, "attributes",
                    "douteuse and fictive cannot be combined");
        }
        boolean flagged = attributes.stream().anyMatch(IdentityAttribute::forbidsQualification);
        if (flagged && status != IdentityStatus.PROV) {
            throw new InvalidInputException(CoreErrorCode.IDENTITY_DOUBTFUL_OR_FICTITIOUS, "status",
                    "a douteuse or fictive identity must stay provisoire (PROV)");
        }
        if (status.retrievedFromInsi() && ins == null) {
            throw new InvalidInputException(CoreErrorCode.INPUT_REQUIRED, "ins",
                    "a " + status + " identity was retrieved through INSi and must carry its INS");
        }
    }

    public static PersonIdentity provisional(String localId, IdentityTraits traits) {
        return new PersonIdentity(localId, traits, null, IdentityStatus.PROV, Set.of());
    }

    public Optional<Ins> insIfAny() {
        return Optional.ofNullable(ins);
    }

    public boolean isQualified() {
        return status == IdentityStatus.QUAL && ins != null
                && attributes.stream().noneMatch(IdentityAttribute::forbidsQualification);
    }

    public boolean isFlaggedDoubtfulOrFictitious() {
        return attributes.stream().anyMatch(IdentityAttribute::forbidsQualification);
    }

    public PersonIdentity withStatus(IdentityStatus newStatus, Ins newIns) {
        return new PersonIdentity(localId, traits, newIns, newStatus, attributes);
    }

    @Override
    public String toString() {
        return "PersonIdentity[" + localId + ", " + status + ", " + attributes + "]";
    }
}
