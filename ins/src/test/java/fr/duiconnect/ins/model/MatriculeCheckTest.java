package fr.duiconnect.ins.model;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatriculeCheckTest {

    @ParameterizedTest(name = "{0} has key {1}")
    @CsvSource({
            "1090763220834,89", "2090763220834,39", "2090663220123,55", "180032B020401,23", "297022A020778,78",
            "160012B020777,13", "2360663220836,56", "2751263220749,74", "1100863220830,60", "2770763220829,10",
            "2790351215189,89"})
    void key_is_97_minus_number_mod_97_with_the_CNDA_matricules(String number, String key) {
        assertThat(MatriculeCheck.check(number + key, InsKind.NIR).key()).isEqualTo(key);
    }

    @Test
    void corsica_2A_counts_as_19() {
        assertThat(Ins.computeKey("297022A020778")).isEqualTo("78");
    }

    @Test
    void corsica_2B_counts_as_18_CNDA_2_08_cas_1() {
        assertThat(MatriculeCheck.check("180032B02040123", InsKind.NIR).matricule()).isEqualTo("180032B02040123");
    }

    @Test
    void NIA_of_CNDA_2_05_PROVISOIRE_MATRICULE_verifies() {
        Ins nia = MatriculeCheck.check("109076322088835", InsKind.NIA);
        assertThat(nia.oid()).isEqualTo("1.2.250.1.213.1.4.9");
    }

    @Test
    void INS_KEY_INVALID_when_the_key_does_not_match() {
        assertRefused("109076322083488", InsErrorCode.KEY_INVALID);
    }

    @Test
    void INS_MATRICULE_LENGTH_when_not_15_characters() {
        assertRefused("10907632208348", InsErrorCode.MATRICULE_LENGTH);
    }

    @Test
    void INS_MATRICULE_CHARACTERS_when_a_letter_is_outside_the_department() {
        assertRefused("1090763220A3489", InsErrorCode.MATRICULE_CHARACTERS);
    }

    @Test
    void INS_MATRICULE_CHARACTERS_when_the_department_is_2C() {
        assertRefused("180032C02040123", InsErrorCode.MATRICULE_CHARACTERS);
    }

    @Test
    void INS_MATRICULE_SEX_when_the_first_digit_is_5() {
        assertRefused("509076322083489", InsErrorCode.MATRICULE_SEX_DIGIT);
    }

    @Test
    void INS_MATRICULE_MONTH_when_month_is_13() {
        assertRefused("109136322083489", InsErrorCode.MATRICULE_MONTH);
    }

    @Test
    void INS_MATRICULE_ORDER_when_order_is_000() {
        assertRefused("109076322000089", InsErrorCode.MATRICULE_ORDER);
    }

    @Test
    void INS_OID_UNKNOWN_for_the_legacy_INS_C_OID() {
        assertThatThrownBy(() -> MatriculeCheck.kindOf("1.2.250.1.213.1.4.2"))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.OID_UNKNOWN));
    }

    @Test
    void HERMANN_GATIEN_key_is_kept_as_returned_by_INSi_but_marked_unverified() {
        Ins ins = Ins.asReturnedByInsi("1810363220456", "60", InsKind.NIR);
        assertThat(ins.keyVerified()).isFalse();
        assertThat(Ins.computeKey("1810363220456")).isEqualTo("76");
    }

    private static void assertRefused(String matricule, InsErrorCode code) {
        assertThatThrownBy(() -> MatriculeCheck.check(matricule, InsKind.NIR))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.field()).contains("ins.matricule");
                });
    }
}
