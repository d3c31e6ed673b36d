package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.ins.FormerIns;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InsHistoryTest {

    static final Ins ACTIVE = Ins.of("1090763220834", "89", InsKind.NIR);
    static final FormerIns FORMER_1 = new FormerIns(Ins.of("2090763220834", "39", InsKind.NIR),
            LocalDate.of(2019, 3, 1), LocalDate.of(2019, 2, 28));
    static final FormerIns FORMER_2 = new FormerIns(Ins.of("2090663220123", "55", InsKind.NIR), null, null);

    @Test
    void CNDA_2_04_ECETINSI_former_matricules_still_resolve() {
        InsHistoryIndex index = new InsHistoryIndex();
        index.put("IPP-42", new InsHistory(ACTIVE, List.of(FORMER_1, FORMER_2)));
        assertThat(index.resolve("209076322083439")).contains("IPP-42");
        assertThat(index.resolve("209066322012355")).contains("IPP-42");
        assertThat(index.resolve("109076322083489")).contains("IPP-42");
        assertThat(index.resolve("277076322082910")).isEmpty();
    }

    @Test
    void CNDA_2_08_cas_2_active_matricule_repeated_in_INSHISTO_is_kept_once() {
        Ins hermann = Ins.asReturnedByInsi("1810363220456", "60", InsKind.NIR);
        InsHistory history = new InsHistory(hermann, List.of(new FormerIns(hermann, null, null),
                new FormerIns(Ins.asReturnedByInsi("2810363220456", "10", InsKind.NIR), null, null)));
        assertThat(history.former()).hasSize(1);
        assertThat(history.knows("281036322045610")).isTrue();
    }

    @Test
    void a_changed_active_matricule_joins_the_history() {
        InsHistory history = new InsHistory(FORMER_2.ins(), List.of()).updatedWith(ACTIVE, List.of());
        assertThat(history.active()).isEqualTo(ACTIVE);
        assertThat(history.knows("209066322012355")).isTrue();
    }

    @Test
    void a_former_matricule_omitted_by_a_later_answer_still_resolves() {
        InsHistoryIndex index = new InsHistoryIndex();
        index.put("IPP-1", new InsHistory(FORMER_2.ins(), List.of()));
        index.put("IPP-1", new InsHistory(ACTIVE, List.of()));
        assertThat(index.resolve("209066322012355")).contains("IPP-1");
    }
}
