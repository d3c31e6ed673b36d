package fr.duiconnect.eprescription;

import fr.duiconnect.core.eprescription.PrescribedPerson;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.identity.IdentityGuard;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Identitovigilance check before an import: the prescription's patient must be the DUI's person. The local
 * identity must be qualified (only then may its INS be relied on), the INS (matricule and OID) must be equal,
 * and every INS trait the prescription gives must agree (birth name, first names of the birth certificate,
 * sex, birth date, birth place). Names are compared without case and diacritics, as the INS traits are.
 * Refusals name the trait, never its values.
 */
final class IdentityMatch {

    private IdentityMatch() {
    }

    static void require(PrescribedPerson prescribed, PersonIdentity local) {
        Ins ins = IdentityGuard.requireQualified(local, "e-prescription import");
        if (prescribed.insMatricule() == null) {
            throw new IdentityRefusedException(EPrescriptionErrorCode.PATIENT_UNRESOLVED, "subject",
                    "the prescription's patient is not given with an INS; the prescription is not imported (rapprochement manuel)");
        }
        if (!ins.matricule().equals(prescribed.insMatricule()) || !ins.oid().equals(prescribed.insOid())) {
            throw mismatch("subject.identifier", "the INS of the prescription is not the INS of the local identity");
        }
        IdentityTraits traits = local.traits();
        if (prescribed.birthName() != null && !same(prescribed.birthName(), traits.birthName())) {
            throw mismatch("subject.name.family", "the birth name differs from the local identity's");
        }
        if (!prescribed.firstNames().isEmpty() && !sameNames(prescribed.firstNames(), traits.firstNames())) {
            throw mismatch("subject.name.given", "the first names of the birth certificate differ from the local identity's");
        }
        if (prescribed.sex() != null && prescribed.sex() != traits.sex()) {
            throw mismatch("subject.gender", "the sex differs from the local identity's");
        }
        if (prescribed.birthDate() != null && !prescribed.birthDate().equals(traits.birthDate())) {
            throw mismatch("subject.birthDate", "the birth date differs from the local identity's");
        }
        if (prescribed.birthPlaceCog() != null && traits.birthPlaceCog() != null
                && !prescribed.birthPlaceCog().equals(traits.birthPlaceCog())) {
            throw mismatch("subject.birthPlace", "the birth place differs from the local identity's");
        }
    }

    private static IdentityRefusedException mismatch(String field, String message) {
        return new IdentityRefusedException(EPrescriptionErrorCode.IDENTITY_MISMATCH, field,
                message + "; the prescription is not imported (rapprochement manuel)");
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        return same(String.join(" ", a), String.join(" ", b));
    }

    private static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toUpperCase(Locale.ROOT).replaceAll("[\\s'-]+", " ").trim();
    }
}
