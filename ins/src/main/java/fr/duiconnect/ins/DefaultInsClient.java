package fr.duiconnect.ins;

import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.ins.InsVerification;
import fr.duiconnect.core.ins.MatriculeCheckResult;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.spi.RouteInvoker;
import fr.duiconnect.ins.camel.InsRoutes;
import fr.duiconnect.ins.rniv.InsHistory;
import fr.duiconnect.ins.rniv.RnivStateMachine;
import fr.duiconnect.ins.rniv.TraitComparison;
import fr.duiconnect.ins.rules.MatriculeCheck;
import fr.duiconnect.ins.rules.MatriculeVerdict;

import java.util.ArrayList;
import java.util.List;

/** The INS client: searches go through the Camel request route {@value InsRoutes#SEARCH}. */
public final class DefaultInsClient implements InsClient {

    private final RouteInvoker routes;
    private final MatriculeCheck matriculeCheck;

    public DefaultInsClient(RouteInvoker routes, MatriculeCheck matriculeCheck) {
        this.routes = routes;
        this.matriculeCheck = matriculeCheck;
    }

    @Override
    public InsSearchResult search(InsSearchRequest request) {
        return routes.request(InsRoutes.SEARCH, request, InsSearchResult.class);
    }

    /** Search + comparison: the verification operation (WS #3) is not in the public WSDL (spec §1.1). */
    @Override
    public InsVerification verify(PersonIdentity identity, String actingFiness, String actor) {
        RnivStateMachine.requireInsiAllowed(identity);
        InsSearchResult result = search(new InsSearchRequest(identity.traits(), identity.status(), actingFiness, actor));
        List<String> differences = new ArrayList<>();
        boolean former = false;
        if (!result.found()) {
            differences.add("ins");
            return new InsVerification(false, false, differences, result);
        }
        differences.addAll(TraitComparison.of(identity.traits(), result.returnedTraits()).differingFields());
        Ins stored = identity.ins();
        if (stored != null) {
            InsHistory history = new InsHistory(result.ins(), result.history());
            if (history.resolve(stored.matricule()).isEmpty()) {
                differences.add("ins");
            }
            former = history.isFormer(stored.matricule());
        }
        return new InsVerification(differences.isEmpty(), former, differences, result);
    }

    @Override
    public MatriculeCheckResult checkMatricule(String matricule, InsKind kind) {
        MatriculeVerdict verdict = matriculeCheck.check(matricule, kind);
        return new MatriculeCheckResult(verdict.matricule(), verdict.valid(),
                verdict.violations().stream().map(v -> v.code().code() + ": " + v.message()).toList());
    }
}
