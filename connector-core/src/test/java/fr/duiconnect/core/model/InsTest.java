package fr.duiconnect.core.model;

import fr.duiconnect.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Matricule INS key: 97 − (N mod 97), Corsica 2A as 19 and 2B as 18 (shared/specs/ins.md §2.1). */
class InsTest {

    @ParameterizedTest(name = "{0} has key {1}")
    @CsvSource({
            "1090763220834, 89", "2090763220834, 39", "2090663220123, 55", "1090763220888, 35",
            "180032B020401, 23", "297022A020778, 78", "160012B020777, 13", "2360663220836, 56",
            "2751263220749, 74", "1100863220830, 60", "2770763220829, 10", "2790351215189, 89"})
    void theKeyOfTheCndaFixturesFollowsTheFormula(String number, String key) {
        assertThat(Ins.computeKey(number)).isEqualTo(key);
        assertThat(Ins.of(number, key, InsKind.NIR_TEST).matricule()).isEqualTo(number + key);
    }

    @Test
    void aWrongKeyIsRefusedWithInsKeyInvalid() {
        assertThatThrownBy(() -> Ins.of("2790351215189", "88", InsKind.NIR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("INS-KEY-INVALID")
                .hasMessageContaining("ins.key");
    }

    @Test
    void aNumberOfTheWrongShapeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Ins.of("27903512151", "89", InsKind.NIR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ins.number");
        assertThatThrownBy(() -> Ins.of("2790351215X89", "89", InsKind.NIR))
                .hasMessageContaining("ins.number");
    }

    @Test
    void insiOutputIsKeptEvenWhenItsKeyDoesNotFollowTheFormula_cndaHermannGatien() {
        Ins ins = Ins.asReturnedByInsi("1810363220456", "60", InsKind.NIR_TEST);
        assertThat(ins.keyVerified()).isFalse();
        assertThat(ins.matricule()).isEqualTo("181036322045660");
    }

    @Test
    void theXdsPatientIdCarriesTheMatriculeAndTheAssigningAuthority() {
        Ins ins = Ins.parse("279035121518989", InsKind.NIR_TEST);
        assertThat(ins.asXdsPatientId()).isEqualTo("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH");
    }

    @Test
    void theOidsAreThoseOfTheReferentielIns() {
        assertThat(InsKind.NIR.oid()).isEqualTo("1.2.250.1.213.1.4.8");
        assertThat(InsKind.NIA.oid()).isEqualTo("1.2.250.1.213.1.4.9");
        assertThat(InsKind.NIR_TEST.oid()).isEqualTo("1.2.250.1.213.1.4.10");
        assertThat(InsKind.NIR_DEMO.oid()).isEqualTo("1.2.250.1.213.1.4.11");
        assertThat(InsKind.fromOid("1.2.250.1.213.1.4.9")).isEqualTo(InsKind.NIA);
    }

    @Test
    void toStringDoesNotRevealTheMatricule() {
        assertThat(Ins.parse("279035121518989", InsKind.NIR).toString()).doesNotContain("2790351215189");
    }
}
