package fr.duiconnect.mssante.compose;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.mssante.MssanteErrorCode;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The subject of a message carrying documents: {@code XDM/1.0/DDM+<libellé> <NOM> <prénom> <date de naissance>}
 * (ECO.2.1.3), e.g. {@code XDM/1.0/DDM+ECHOGRAPHIE ABDOMINOPELVIENNE CORSE FIGATELLIX 12/10/1988}. NOM is the birth
 * name in upper case, prénom the first first name of the birth certificate; the INS never appears in it.
 */
public final class SubjectLine {

    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private SubjectLine() {
    }

    public static String of(String label, IdentityTraits traits, boolean withBirthDate) {
        String libelle = oneLine(label, "label").trim();
        if (libelle.isEmpty()) {
            throw new InvalidInputException(MssanteErrorCode.SUBJECT_FORMAT, "label", "the libellé is mandatory");
        }
        StringBuilder subject = new StringBuilder(MssHeaders.SUBJECT_PREFIX).append(libelle).append(' ')
                .append(oneLine(traits.birthName(), "person.birthName").trim().toUpperCase(Locale.ROOT)).append(' ')
                .append(oneLine(traits.firstFirstName(), "person.firstNames[0]").trim());
        if (withBirthDate) {
            subject.append(' ').append(BIRTH_DATE.format(traits.birthDate()));
        }
        return subject.toString();
    }

    /** The subject shown to people: without the XDM prefix (UX.28). */
    public static String forDisplay(String subject) {
        if (subject == null) {
            return "";
        }
        return subject.startsWith(MssHeaders.SUBJECT_PREFIX) ? subject.substring(MssHeaders.SUBJECT_PREFIX.length()) : subject;
    }

    private static String oneLine(String value, String field) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new InvalidInputException(MssanteErrorCode.SUBJECT_FORMAT, field, "holds a line break; the subject is one line");
        }
        return value;
    }
}
