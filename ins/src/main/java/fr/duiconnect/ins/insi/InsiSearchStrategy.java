package fr.duiconnect.ins.insi;

import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.model.IdentityTraits;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The documented search strategy (spec §1.4, CNDA 2.06 / 2.07; same as the two open-source clients that pass 2.07):
 * one call per prénom, stopping at the first 00; then, with several prénoms, one call with all of them joined by
 * single spaces. The COG is sent with every call when the caller gave it; a 02 without COG is reported with the
 * guidance to add the other prénoms then the COG (CNDA 2.06: DE VINCI LEONARDO → 02, with 63220 → 00).
 */
public final class InsiSearchStrategy {

    /** The last answer and the request that produced it, with the number of calls made. */
    public record Outcome(InsiAnswer answer, String lastRequest, int calls) { }

    /** One call: the body to send → the answer and the request XML actually sent. */
    public interface Call extends Function<RecSansVitale, Exchange> { }

    public record Exchange(InsiAnswer answer, String requestXml) { }

    private InsiSearchStrategy() { }

    public static Outcome run(IdentityTraits traits, Call call) {
        List<RecSansVitale> plan = plan(traits, traits.birthPlaceCog());
        Exchange last = null;
        int calls = 0;
        for (RecSansVitale body : plan) {
            last = call.apply(body);
            calls++;
            if (last.answer().code() == InsReturnCode.FOUND) {
                return new Outcome(last.answer(), last.requestXml(), calls);
            }
        }
        return new Outcome(last.answer(), last.requestXml(), calls);
    }

    static List<RecSansVitale> plan(IdentityTraits traits, String cog) {
        List<RecSansVitale> plan = new ArrayList<>();
        String sexe = traits.sex().name();
        String date = traits.birthDate().toString();
        for (String prenom : traits.firstNames()) {
            plan.add(new RecSansVitale(traits.birthName(), prenom, sexe, date, cog));
        }
        if (traits.firstNames().size() > 1) {
            plan.add(new RecSansVitale(traits.birthName(), traits.firstNamesAsList(), sexe, date, cog));
        }
        return plan;
    }
}
