package fr.duiconnect.ins.rules;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.ins.model.InsErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BirthDateConventionTest {

    @Test
    void unknown_day_is_recorded_as_the_first() {
        assertThat(BirthDateConvention.RNIV.record(1950, 6, null))
                .isEqualTo(new BirthDateConvention.RecordedBirthDate(LocalDate.of(1950, 6, 1), true));
    }

    @Test
    void unknown_month_is_recorded_as_january() {
        assertThat(BirthDateConvention.RNIV.record(1950, null, 15).date()).isEqualTo(LocalDate.of(1950, 1, 15));
    }

    @Test
    void unknown_day_and_month_is_recorded_as_december_31() {
        assertThat(BirthDateConvention.RNIV.record(1950, null, null).date()).isEqualTo(LocalDate.of(1950, 12, 31));
    }

    @Test
    void known_date_is_not_uncertain() {
        assertThat(BirthDateConvention.RNIV.record(1997, 2, 26).uncertain()).isFalse();
    }

    @Test
    void date_lunaire_with_00_parts_follows_the_convention() {
        assertThat(BirthDateConvention.RNIV.fromDateLunaire("1950-00-00").date()).isEqualTo(LocalDate.of(1950, 12, 31));
    }

    @Test
    void impossible_date_is_refused() {
        assertThatThrownBy(() -> BirthDateConvention.RNIV.record(1950, 2, 30))
                .isInstanceOfSatisfying(DuiConnectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.BIRTH_DATE_UNKNOWN_PARTS));
    }
}
