package fr.duiconnect.ins.insi;

import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented order of calls (spec §1.4): each prénom, then all, then with the birth place on 02. */
class InsiSearchStrategyTest {

    private static InsiAnswer answer(InsiReturnCode code) {
        return new InsiAnswer(code, code.label(), null, List.of(), null, "", "");
    }

    private static List<String> run(IdentityTraits traits, Function<InsiQuery, InsiReturnCode> service) {
        List<String> calls = new ArrayList<>();
        InsiSearchStrategy.run(traits, query -> {
            calls.add(query.firstNames() + (query.birthPlaceCog() == null ? "" : " @" + query.birthPlaceCog()));
            return answer(service.apply(query));
        });
        return calls;
    }

    @Test
    void eachPrenomAloneThenAllTogether() {
        IdentityTraits traits = new IdentityTraits("HOUILLES", List.of("PIERRE", "PAUL", "JACQUES"), null, null, Sex.M, LocalDate.of(1993, 1, 27), null);
        assertThat(run(traits, q -> InsiReturnCode.NOT_FOUND)).containsExactly("PIERRE", "PAUL", "JACQUES", "PIERRE PAUL JACQUES");
    }

    @Test
    void stopsAtTheFirstFound() {
        IdentityTraits traits = new IdentityTraits("TCHITCHI", List.of("OLA", "CATARINA", "BELLA"), null, null, Sex.F, LocalDate.of(1936, 6, 21), null);
        assertThat(run(traits, q -> q.firstNames().equals("CATARINA") ? InsiReturnCode.FOUND : InsiReturnCode.NOT_FOUND))
                .containsExactly("OLA", "CATARINA");
    }

    @Test
    void severalThenTheBirthPlaceIsAdded() {
        IdentityTraits traits = new IdentityTraits("DE VINCI", List.of("LEONARDO"), null, null, Sex.M, LocalDate.of(2014, 2, 1), "63220");
        assertThat(run(traits, q -> q.birthPlaceCog() == null ? InsiReturnCode.SEVERAL : InsiReturnCode.FOUND))
                .containsExactly("LEONARDO", "LEONARDO @63220");
    }
}
