package fr.duiconnect.ins.rules;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IncompleteBirthDateTest {

    @Test
    void unknownDayIsThe1st() {
        assertThat(IncompleteBirthDate.of(1950, 6, null).conventionalDate()).isEqualTo(LocalDate.of(1950, 6, 1));
    }

    @Test
    void unknownMonthIsJanuary() {
        assertThat(IncompleteBirthDate.of(1950, null, 17).conventionalDate()).isEqualTo(LocalDate.of(1950, 1, 17));
    }

    @Test
    void unknownDayAndMonthIsDecember31st() {
        IncompleteBirthDate date = IncompleteBirthDate.of(1950, null, null);
        assertThat(date.conventionalDate()).isEqualTo(LocalDate.of(1950, 12, 31));
        assertThat(date.uncertain()).isTrue();
    }

    @Test
    void knownDateIsNotUncertain() {
        assertThat(IncompleteBirthDate.of(1950, 6, 17).uncertain()).isFalse();
    }
}
