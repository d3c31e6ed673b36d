package fr.duiconnect.ins.insi;

import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.IdentityTraits;

import java.util.function.Function;

/**
 * The documented search strategy (shared/specs/ins.md §1.4, CNDA 2.06/2.07): one call per prénom, stopping at the
 * first 00; then one call with all prénoms separated by spaces; on 02, the same again with the birth place (COG)
 * when the DUI has it.
 */
public final class InsiSearchStrategy {

    /** The last answer and how many calls it took. */
    public record Outcome(InsiAnswer answer, int calls) {
    }

    private InsiSearchStrategy() {
    }

    public static Outcome run(IdentityTraits traits, Function<InsiQuery, InsiAnswer> call) {
        int calls = 0;
        InsiAnswer last = null;
        boolean several = false;
        for (String firstName : traits.firstNames()) {
            last = call.apply(query(traits, firstName, null));
            calls++;
            if (last.code() == InsiReturnCode.FOUND) {
                return new Outcome(last, calls);
            }
            several |= last.code() == InsiReturnCode.SEVERAL;
        }
        if (traits.firstNames().size() > 1) {
            last = call.apply(query(traits, traits.firstNamesAsList(), null));
            calls++;
            if (last.code() == InsiReturnCode.FOUND) {
                return new Outcome(last, calls);
            }
            several |= last.code() == InsiReturnCode.SEVERAL;
        }
        if (several && traits.birthPlaceCog() != null) {
            last = call.apply(query(traits, traits.firstNamesAsList(), traits.birthPlaceCog()));
            calls++;
            if (last.code() != InsiReturnCode.FOUND && traits.firstNames().size() > 1) {
                last = call.apply(query(traits, traits.firstFirstName(), traits.birthPlaceCog()));
                calls++;
            }
        }
        return new Outcome(last, calls);
    }

    private static InsiQuery query(IdentityTraits traits, String firstNames, String cog) {
        return new InsiQuery(traits.birthName(), firstNames, traits.sex(), traits.birthDate(), cog);
    }
}
