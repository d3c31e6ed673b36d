package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InsHistoryTest {

    // CNDA TEST_2.04 cas 2: ECETINSI with two former matricules.
    private final InsHistory ecetinsi = new InsHistory(Ins.of("1090763220834", "89", InsKind.NIR),
            List.of(Ins.of("2090763220834", "39", InsKind.NIR), Ins.of("2090663220123", "55", InsKind.NIR)));

    @Test
    void formerMatriculeResolvesToTheActiveIns() {
        assertThat(ecetinsi.resolve("209066322012355")).map(Ins::matricule).contains("109076322083489");
        assertThat(ecetinsi.isFormer("209076322083439")).isTrue();
    }

    @Test
    void unknownMatriculeDoesNotResolve() {
        assertThat(ecetinsi.resolve("277076322082910")).isEmpty();
    }
}
