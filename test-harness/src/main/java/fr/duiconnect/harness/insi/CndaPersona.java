package fr.duiconnect.harness.insi;

import fr.duiconnect.core.ins.FormerIns;
import fr.duiconnect.core.ins.InsiTraits;
import fr.duiconnect.core.model.Ins;

import java.util.List;
import java.util.Set;

/**
 * One identity known to the simulated INSi test platform.
 *
 * @param searchNames birth names under which INSi finds the person (INSi's matching is tolerant: CNDA 2.08 cas 2
 *                    queries HERMAN and gets HERMANN)
 * @param tiq         the traits INSi returns
 * @param active      INSACTIF
 * @param history     INSHISTO, as the CNDA fixture lists it (may repeat the active one)
 * @param source      where the persona is published (spec ins.md §5.1), or "simulator" when invented to play a case
 */
public record CndaPersona(Set<String> searchNames, InsiTraits tiq, Ins active, List<FormerIns> history, String source) {

    public CndaPersona {
        searchNames = Set.copyOf(searchNames);
        history = List.copyOf(history);
    }

    public List<String> firstNames() {
        return List.of(tiq.firstNamesList().split(" "));
    }
}
