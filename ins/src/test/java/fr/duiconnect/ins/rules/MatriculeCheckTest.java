package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.ins.InsErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatriculeCheckTest {

    private final MatriculeCheck check = MatriculeCheck.lenient();

    @ParameterizedTest(name = "CNDA fixture matricule {0} verifies")
    @ValueSource(strings = {"109076322083489", "209076322083439", "209066322012355", "275126322074974",
            "110086322083060", "277076322082910", "236066322083656", "279035121518989"})
    void cndaMatriculesVerify(String matricule) {
        assertThat(check.check(matricule, InsKind.NIR).valid()).isTrue();
    }

    @Test
    void corsica2BCountsAs18() {
        assertThat(check.check("180032B02040123", InsKind.NIR).valid()).isTrue();
        assertThat(check.check("160012B02077713", InsKind.NIR).valid()).isTrue();
    }

    @Test
    void corsica2ACountsAs19() {
        assertThat(check.check("297022A02077878", InsKind.NIR).valid()).isTrue();
    }

    @Test
    void wrongKeyIsRefusedWithTheExpectedKey() {
        MatriculeVerdict verdict = check.check("181036322045660", InsKind.NIR);
        assertThat(verdict.violations()).extracting(MatriculeVerdict.Violation::code).containsExactly(InsErrorCode.MATRICULE_KEY);
        assertThat(verdict.violations().get(0).message()).contains("76");
    }

    @Test
    void fifteenCharactersAreRequired() {
        assertThat(check.check("10907632208348", InsKind.NIR).violations())
                .extracting(MatriculeVerdict.Violation::code).containsExactly(InsErrorCode.MATRICULE_FORMAT);
    }

    @Test
    void nirFirstDigitIsASex() {
        // 5 is not a sex digit; key recomputed so only the sex rule fails.
        String number = "5090763220834";
        String matricule = number + fr.duiconnect.core.model.Ins.computeKey(number);
        assertThat(check.check(matricule, InsKind.NIR).violations())
                .extracting(MatriculeVerdict.Violation::code).containsExactly(InsErrorCode.MATRICULE_SEX_DIGIT);
    }

    @Test
    void niaIsLenientByDefaultBecauseTheCndaNiaStartsWith1() {
        assertThat(check.check("109076322088835", InsKind.NIA).valid()).isTrue();
    }

    @Test
    void strictNiaRequires7Or8() {
        assertThat(new MatriculeCheck(true).check("109076322088835", InsKind.NIA).violations())
                .extracting(MatriculeVerdict.Violation::code).containsExactly(InsErrorCode.MATRICULE_SEX_DIGIT);
    }

    @Test
    void monthOutsideNirRangesIsRefused() {
        String number = "1091563220834";
        String matricule = number + fr.duiconnect.core.model.Ins.computeKey(number);
        assertThat(check.check(matricule, InsKind.NIR).violations())
                .extracting(MatriculeVerdict.Violation::code).containsExactly(InsErrorCode.MATRICULE_MONTH);
    }

    @Test
    void requireThrowsTypedErrorNamingTheField() {
        assertThatThrownBy(() -> check.require("181036322045660", InsKind.NIR))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("INS-KEY-INVALID");
                    assertThat(e.field()).contains("ins.matricule");
                });
    }
}
