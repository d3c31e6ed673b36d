package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InsHistoryIndexTest {

    static final Ins ECETINSI_ACTIVE = Ins.of("1090763220834", "89", InsKind.NIR);
    static final Ins ECETINSI_FORMER_1 = Ins.of("2090763220834", "39", InsKind.NIR);
    static final Ins ECETINSI_FORMER_2 = Ins.of("2090663220123", "55", InsKind.NIR);

    @Test
    void CNDA_2_04_ECETINSI_both_former_matricules_resolve_to_the_resident() {
        InsHistoryIndex index = new InsHistoryIndex();
        index.record("IPP-42", ECETINSI_ACTIVE, List.of(ECETINSI_FORMER_1, ECETINSI_FORMER_2));
        assertThat(index.resolve("209076322083439")).contains("IPP-42");
        assertThat(index.resolve("209066322012355")).contains("IPP-42");
        assertThat(index.resolve("109076322083489")).contains("IPP-42");
    }

    @Test
    void an_unknown_matricule_does_not_resolve() {
        InsHistoryIndex index = new InsHistoryIndex();
        index.record("IPP-42", ECETINSI_ACTIVE, List.of());
        assertThat(index.resolve("277076322082910")).isEmpty();
    }

    @Test
    void a_former_matricule_omitted_by_a_later_answer_still_resolves() {
        InsHistoryIndex index = new InsHistoryIndex();
        index.record("IPP-1", ECETINSI_FORMER_2, List.of());
        index.record("IPP-1", ECETINSI_ACTIVE, List.of());
        assertThat(index.resolve("209066322012355")).contains("IPP-1");
    }

    @Test
    void a_matricule_already_held_by_another_resident_is_reported_not_moved() {
        InsHistoryIndex index = new InsHistoryIndex();
        index.record("IPP-1", ECETINSI_ACTIVE, List.of());
        assertThat(index.record("IPP-2", ECETINSI_ACTIVE, List.of())).contains("IPP-1");
        assertThat(index.resolve("109076322083489")).contains("IPP-1");
    }

    @Test
    void CNDA_2_08_cas_2_active_matricule_repeated_in_INSHISTO_is_no_collision() {
        Ins hermann = Ins.asReturnedByInsi("1810363220456", "60", InsKind.NIR);
        InsHistoryIndex index = new InsHistoryIndex();
        assertThat(index.record("IPP-7", hermann, List.of(hermann, Ins.asReturnedByInsi("2810363220456", "10", InsKind.NIR)))).isEmpty();
        assertThat(index.resolve("281036322045610")).contains("IPP-7");
    }
}
