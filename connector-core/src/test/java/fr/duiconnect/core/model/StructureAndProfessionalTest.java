package fr.duiconnect.core.model;

import fr.duiconnect.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StructureAndProfessionalTest {

    @Test
    void aFinessIsNineCharactersWithCorsicanDepartmentsAllowed() {
        assertThat(Finess.of("750000010").asStructureNationalId()).isEqualTo("1750000010");
        assertThat(Finess.of("2A0000018").value()).isEqualTo("2A0000018");
        assertThatThrownBy(() -> Finess.of("75000001")).isInstanceOf(InvalidInputException.class).hasMessageContaining("finess");
    }

    @Test
    void aFinessControlKeyIsTheLuhnDigitOfItsNineDigits() {
        assertThat(Finess.hasValidKey("750000010")).isTrue();
        assertThat(Finess.hasValidKey("750000011")).isFalse();
        assertThat(Finess.hasValidKey("750000001")).as("two digits swapped").isFalse();
        assertThat(Finess.hasValidKey("2A0000018")).as("Corsica: no published rule, not judged").isTrue();
        assertThat(Finess.hasValidKey("7500000100")).isFalse();
    }

    @Test
    void anRppsNumberCarriesALuhnCheckDigit() {
        assertThat(Professional.isValidRpps("10000000016")).isFalse();
        assertThat(Professional.isValidRpps("10000001015")).isTrue();
        assertThatThrownBy(() -> new Professional(ProfessionalIdKind.RPPS, "10000001016", "MARTIN", "ANNE", null, null))
                .hasMessageContaining("CORE-RPPS-FORMAT");
    }

    @Test
    void thePsIdNatPrefixesTheIdentifierByItsKind() {
        Professional doctor = new Professional(ProfessionalIdKind.RPPS, "10000001015", "MARTIN", "ANNE", null, null);
        assertThat(doctor.nationalId()).isEqualTo("810000001015");
        Professional carer = new Professional(ProfessionalIdKind.STRUCTURE_INTERNAL, "750000010/AS-12", "DURAND", "LEA", null, null);
        assertThat(carer.nationalId()).isEqualTo("3750000010/AS-12");
    }
}
