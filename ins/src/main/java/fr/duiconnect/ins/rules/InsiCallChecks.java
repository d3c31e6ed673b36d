package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.ins.InsErrorCode;

import java.time.LocalDate;

/**
 * What is checked before any INSi call, beyond the character rules ({@link InsiTraitRules}): that the call can be
 * audited (FINESS, actor and person fit the audit trail, so the lookup cannot happen without its trace) and that the
 * traits are plausible (lengths, a birth date neither in the future nor before {@value #EARLIEST_BIRTH_YEAR}).
 * A refusal names the field and the rule; nothing is sent.
 */
public final class InsiCallChecks {

    /**
     * Longest nom de naissance, and longest list of prénoms, sent to INSi. The INSi schemas in this project set no
     * length; real names stay far below it, and a 500-character "name" is an input error, not a person.
     */
    public static final int MAX_TRAIT_LENGTH = 100;
    /** Longest actor and local id the audit trail holds (audit_event.actor / person). */
    public static final int MAX_AUDIT_ID = 64;
    /** No living person was born earlier; the same bound as {@link BirthDates}. */
    public static final int EARLIEST_BIRTH_YEAR = 1850;

    private InsiCallChecks() {
    }

    /** The audit fields of a lookup: FINESS (9 characters when given), actor and person id within the trail's columns. */
    public static void checkAuditable(String finess, String actor, String personId) {
        // A FINESS may be absent (the audit event then names none), never malformed: it would not fit the trail.
        if (finess != null && !Finess.isWellFormed(finess)) {
            throw new InvalidInputException(CoreErrorCode.FINESS_FORMAT, "finess",
                    "must be 9 characters: the department (2 digits, 2A or 2B) then 7 digits (" + finess.length() + " given)");
        }
        checkLength(actor, "actor", MAX_AUDIT_ID, CoreErrorCode.INPUT_FORMAT);
        checkLength(personId, "person.localId", MAX_AUDIT_ID, CoreErrorCode.INPUT_FORMAT);
    }

    /** Lengths of the traits INSi receives and plausibility of the birth date, against {@code today}. */
    public static void checkTraits(IdentityTraits traits, LocalDate today) {
        checkLength(traits.birthName(), "birthName", MAX_TRAIT_LENGTH, InsErrorCode.TRAIT_LENGTH);
        checkLength(traits.firstNamesAsList(), "firstNames", MAX_TRAIT_LENGTH, InsErrorCode.TRAIT_LENGTH);
        checkBirthDate(traits.birthDate(), "birthDate", today);
    }

    public static void checkBirthDate(LocalDate birthDate, String field, LocalDate today) {
        if (birthDate.isAfter(today)) {
            throw new InvalidInputException(InsErrorCode.BIRTH_DATE_RANGE, field, "is in the future (" + birthDate + ")");
        }
        if (birthDate.getYear() < EARLIEST_BIRTH_YEAR) {
            throw new InvalidInputException(InsErrorCode.BIRTH_DATE_RANGE, field, "is before " + EARLIEST_BIRTH_YEAR + " (" + birthDate + ")");
        }
    }

    private static void checkLength(String value, String field, int max, fr.duiconnect.core.error.ErrorCode code) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(code, field, "has " + value.length() + " characters; at most " + max);
        }
    }
}
