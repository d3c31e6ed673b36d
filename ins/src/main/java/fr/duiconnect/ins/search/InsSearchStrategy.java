package fr.duiconnect.ins.search;

import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.ins.InsVerification;
import fr.duiconnect.core.ins.InsiCall;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.ins.rniv.InsHistory;
import fr.duiconnect.ins.rniv.RnivStateMachine;
import fr.duiconnect.ins.rniv.TraitComparison;
import fr.duiconnect.ins.rules.InsiTraitRules;

import java.util.ArrayList;
import java.util.List;

/**
 * The documented INSi search strategy (ANS/RNIV guidance; the two public CNDA-passing clients do the same):
 * <ol>
 *   <li>one call per prénom, stopping at the first 00;</li>
 *   <li>then, with several prénoms, one call with all prénoms joined by single spaces;</li>
 *   <li>if the answer is still 02 and the identity has a birth place, the same calls again with the COG
 *       (the COG is first left out because INSi's matching on it is strict).</li>
 * </ol>
 * A 01 ends the strategy with guidance to revise the criteria. Traits are checked before the first call and
 * douteuse/fictive identities never reach INSi. On 00 the returned traits are compared with the local ones and
 * the RNIV status raised only if they match.
 */
public final class InsSearchStrategy {

    static final String GUIDANCE_01 = "Aucune identité trouvée: vérifier les traits saisis sur la pièce d'identité "
            + "(nom de naissance, prénoms, date, sexe) puis relancer.";
    static final String GUIDANCE_02 = "Plusieurs identités trouvées: ajouter les autres prénoms de l'acte de naissance, "
            + "puis le lieu de naissance (COG).";

    private final InsiGateway gateway;

    public InsSearchStrategy(InsiGateway gateway) {
        this.gateway = gateway;
    }

    public InsSearchResult search(PersonIdentity identity) {
        RnivStateMachine.requireInsiAllowed(identity);
        IdentityTraits traits = identity.traits();
        InsiTraitRules.checkForInsi(traits);
        List<InsiCall> calls = new ArrayList<>();
        InsiAnswer last = round(traits, null, calls);
        if (last.returnCode() == InsReturnCode.SEVERAL && traits.birthPlaceCog() != null) {
            last = round(traits, traits.birthPlaceCog(), calls);
        }
        return conclude(identity, last, calls);
    }

    /** WS#3 is not public: a search, then a comparison of the matricule and traits with the stored ones. */
    public InsVerification verify(PersonIdentity identity) {
        if (identity.ins() == null) {
            throw fr.duiconnect.core.error.InvalidInputException.required("identity.ins");
        }
        InsSearchResult search = search(identity);
        if (search.returnCode() != InsReturnCode.FOUND) {
            return new InsVerification(false, false, List.of(), search);
        }
        String stored = identity.ins().matricule();
        boolean active = search.ins().matricule().equals(stored);
        boolean former = search.history().stream().anyMatch(f -> f.ins().matricule().equals(stored));
        List<String> differing = TraitComparison.compare(identity.traits(), search.returnedTraits()).differingTraits();
        return new InsVerification((active || former) && differing.isEmpty(), active, differing, search);
    }

    private InsiAnswer round(IdentityTraits traits, String cog, List<InsiCall> calls) {
        InsiAnswer answer = null;
        for (String prenom : traits.firstNames()) {
            answer = call(traits, List.of(prenom), cog, calls);
            if (answer.returnCode() == InsReturnCode.FOUND) {
                return answer;
            }
        }
        if (traits.firstNames().size() > 1) {
            answer = call(traits, traits.firstNames(), cog, calls);
        }
        return answer;
    }

    private InsiAnswer call(IdentityTraits traits, List<String> prenoms, String cog, List<InsiCall> calls) {
        RecSansVitale request = new RecSansVitale(traits.birthName(), String.join(" ", prenoms), traits.sex().name(),
                traits.birthDate(), cog);
        InsiAnswer answer = gateway.rechercherInsAvecTraitsIdentite(request);
        calls.add(new InsiCall(prenoms, cog != null, answer.returnCode(), answer.requestXml(), answer.responseXml()));
        return answer;
    }

    private static InsSearchResult conclude(PersonIdentity identity, InsiAnswer answer, List<InsiCall> calls) {
        return switch (answer.returnCode()) {
            case NOT_FOUND -> new InsSearchResult(InsReturnCode.NOT_FOUND, null, null, List.of(), false, identity, GUIDANCE_01, calls);
            case SEVERAL -> new InsSearchResult(InsReturnCode.SEVERAL, null, null, List.of(), false, identity, GUIDANCE_02, calls);
            case FOUND -> {
                TraitComparison comparison = TraitComparison.compare(identity.traits(), answer.traits());
                PersonIdentity after = comparison.matches()
                        ? RnivStateMachine.afterInsiMatch(identity, answer.active(), comparison) : identity;
                String guidance = comparison.matches() ? ""
                        : "Traits INSi différents des traits locaux (" + String.join(", ", comparison.differingTraits())
                          + "): vérifier sur la pièce d'identité avant d'enregistrer l'INS.";
                // INSi may repeat INSACTIF inside INSHISTO (CNDA TEST_2.08): the result lists former matricules only.
                List<fr.duiconnect.core.ins.FormerIns> former = new InsHistory(answer.active(), answer.history()).former();
                yield new InsSearchResult(InsReturnCode.FOUND, answer.active(), answer.traits(), former,
                        comparison.matches(), after, guidance, calls);
            }
        };
    }
}
