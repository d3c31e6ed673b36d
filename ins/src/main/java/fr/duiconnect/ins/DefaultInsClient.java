package fr.duiconnect.ins;

import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.CarteVitaleSearch;
import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.ins.InsVerification;
import fr.duiconnect.core.ins.InsWarning;
import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.spi.ForStructure;
import fr.duiconnect.core.spi.ModuleContext;
import fr.duiconnect.core.structure.StructureErrorCode;
import fr.duiconnect.core.structure.StructureRefusedException;
import fr.duiconnect.core.spi.RequestType;
import fr.duiconnect.ins.insi.InsiAnswer;
import fr.duiconnect.ins.insi.InsiQuery;
import fr.duiconnect.ins.insi.InsiSearchStrategy;
import fr.duiconnect.ins.insi.VitaleQuery;
import fr.duiconnect.ins.rniv.RnivStateMachine;
import fr.duiconnect.ins.rules.InsiCallChecks;
import fr.duiconnect.ins.rules.InsiTraitRules;
import fr.duiconnect.ins.rules.MatriculeCheck;
import fr.duiconnect.ins.rules.TraitComparison;

import java.util.List;

/** The INS client: rules first (nothing invalid is sent), then the INSi strategy through the module's request handlers. */
final class DefaultInsClient implements InsClient {

    /** One INSi call, search by traits (the strategy may make several). */
    static final RequestType<ForStructure<InsiQuery>, InsiAnswer> SEARCH = RequestType.named("ins-search");
    /** One INSi call, search with the carte Vitale. */
    static final RequestType<ForStructure<VitaleQuery>, InsiAnswer> SEARCH_VITALE = RequestType.named("ins-search-vitale");

    private final ModuleContext context;
    private final String structure;

    /** @param structure the FINESS of the structure it acts for, or null for the one the INS properties describe */
    DefaultInsClient(ModuleContext context, String structure) {
        this.context = context;
        this.structure = structure;
    }

    @Override
    public InsSearchResult search(InsSearchRequest asked) {
        InsSearchRequest request = forThisStructure(asked, asked.finess());
        PersonIdentity person = request.person();
        // Everything before the call: the lookup must be auditable and its inputs valid, so that no INSi call
        // happens that its audit event could not record.
        InsiCallChecks.checkAuditable(request.finess(), request.actor(), person.localId());
        try {
            RnivStateMachine.requireInsiAllowed(person);
            InsiTraitRules.check(person.traits());
            InsiCallChecks.checkTraits(person.traits(), today());
        } catch (DuiConnectException refused) {
            audit(request, AuditOutcome.REFUSED, refused.code());
            throw refused;
        }
        InsiSearchStrategy.Outcome outcome;
        try {
            outcome = InsiSearchStrategy.run(person.traits(), query -> context.requests().invoke(SEARCH, new ForStructure<>(structure, query)));
        } catch (DuiConnectException failed) {
            audit(request, AuditOutcome.FAILURE, failed.code());
            throw failed;
        }
        InsiAnswer answer = outcome.answer();
        InsSearchResult result = result(person, answer, outcome.calls());
        audit(request, AuditOutcome.SUCCESS, "CR " + answer.code().code() + " after " + outcome.calls() + " call(s)" + warned(result));
        return result;
    }

    @Override
    public InsSearchResult searchWithCarteVitale(CarteVitaleSearch search) {
        PersonIdentity person = search.person();
        InsSearchRequest request = forThisStructure(new InsSearchRequest(person, search.finess(), search.actor()), search.finess());
        InsiCallChecks.checkAuditable(request.finess(), request.actor(), person.localId());
        try {
            RnivStateMachine.requireInsiAllowed(person);
            InsiTraitRules.checkBirthName(person.traits().birthName());
            InsiCallChecks.checkTraits(person.traits(), today());
            MatriculeCheck.checkNirStructure(search.beneficiaryNir());
            InsiCallChecks.checkBirthDate(lunarYearOnly(search.birthDate()), "birthDate", today());
        } catch (DuiConnectException refused) {
            audit(request, AuditOutcome.REFUSED, refused.code());
            throw refused;
        }
        InsiAnswer answer;
        try {
            answer = context.requests().invoke(SEARCH_VITALE, new ForStructure<>(structure, new VitaleQuery(search.beneficiaryNir(),
                    person.traits().birthName(), search.birthDate(), search.birthRank())));
        } catch (DuiConnectException failed) {
            audit(request, AuditOutcome.FAILURE, failed.code());
            throw failed;
        }
        InsSearchResult result = result(person, answer, 1);
        audit(request, AuditOutcome.SUCCESS, "RECVITALE CR " + answer.code().code() + warned(result));
        return result;
    }

    /**
     * A structure's client searches on its own behalf: the request's FINESS, when given, must be its own (the audit
     * and the INSi contexts then name the same structure as the TLS certificate).
     */
    private InsSearchRequest forThisStructure(InsSearchRequest request, String named) {
        if (structure == null) {
            return request;
        }
        if (named != null && !named.equals(structure)) {
            throw new StructureRefusedException(StructureErrorCode.IDENTITY_MISMATCH, "finess",
                    "this client acts for the structure " + structure + ", the request names " + named);
        }
        return new InsSearchRequest(request.person(), structure, request.actor());
    }

    private static InsSearchResult result(PersonIdentity person, InsiAnswer answer, int calls) {
        if (answer.code() != InsiReturnCode.FOUND) {
            String guidance = answer.code() == InsiReturnCode.NOT_FOUND
                    ? "Aucune identité trouvée : vérifier les traits sur une pièce d'identité (prénoms de l'acte de naissance, date, sexe) puis relancer."
                    : "Plusieurs identités trouvées : ajouter les autres prénoms de l'acte de naissance puis le lieu de naissance (COG).";
            return new InsSearchResult(answer.code(), null, null, List.of(), List.of(), person.status(), calls, guidance,
                    answer.rawRequest(), answer.rawResponse());
        }
        List<String> differences = TraitComparison.differences(person.traits(), answer.traits());
        IdentityStatus resulting = differences.isEmpty() ? RnivStateMachine.afterInsiMatch(person.status()) : person.status();
        List<InsWarning> warnings = keyWarnings(answer);
        String guidance = (differences.isEmpty()
                ? "Identité trouvée ; statut " + resulting + (resulting == IdentityStatus.RECUP
                        ? " — la qualifier en contrôlant une pièce d'identité à haut niveau de confiance." : ".")
                : "Identité trouvée mais traits différents (" + String.join(", ", differences) + ") : ne pas enregistrer l'INS sans contrôle.")
                + (warnings.isEmpty() ? "" : " Clé de matricule non conforme à la formule (" + warnings.stream().map(InsWarning::field)
                        .collect(java.util.stream.Collectors.joining(", ")) + ") : INS conservé tel que renvoyé par INSi, à signaler à la cellule d'identitovigilance.");
        return new InsSearchResult(answer.code(), answer.active(), answer.traits(), answer.history(), differences, resulting,
                calls, guidance, answer.rawRequest(), answer.rawResponse(), warnings);
    }

    /**
     * A returned matricule whose key does not follow the formula is kept as INSi returned it — the guide says not to
     * reject INSi output on it (CNDA TEST_2.08_cas2) — and said, typed, on the result and in the audit.
     */
    private static List<InsWarning> keyWarnings(InsiAnswer answer) {
        List<InsWarning> warnings = new java.util.ArrayList<>();
        if (answer.active() != null && !answer.active().keyVerified()) {
            warnings.add(keyMismatch("ins.key", answer.active()));
        }
        for (int i = 0; i < answer.history().size(); i++) {
            if (!answer.history().get(i).keyVerified()) {
                warnings.add(keyMismatch("history[" + i + "].key", answer.history().get(i)));
            }
        }
        return warnings;
    }

    private static InsWarning keyMismatch(String field, Ins ins) {
        return new InsWarning(InsWarning.Code.KEY_MISMATCH, field, "the key " + ins.key() + " of the returned matricule is not "
                + "97 - (N mod 97); kept as INSi returned it, to be reported to identity vigilance");
    }

    /** The result's warnings, for the audit event's detail (codes and fields only: no matricule in the trail's detail). */
    private static String warned(InsSearchResult result) {
        return result.warnings().isEmpty() ? "" : "; warnings " + result.warnings();
    }

    @Override
    public InsVerification verify(PersonIdentity identity, String finess) {
        if (identity.ins() == null) {
            throw fr.duiconnect.core.error.InvalidInputException.required("identity.ins");
        }
        // The key was checked when the Ins was built (or INSi returned it as it is); the NIR structure is checked here.
        if (identity.ins().kind() != InsKind.NIA) {
            MatriculeCheck.checkNirStructure(identity.ins().number());
        }
        InsSearchResult search = search(InsSearchRequest.of(identity, finess));
        String stored = identity.ins().matricule();
        boolean active = search.insIfFound().map(ins -> ins.matricule().equals(stored)).orElse(false);
        String replacedBy = !active && search.found() && search.resolves(stored) ? search.ins().matricule() : null;
        return new InsVerification(active && search.traitDifferences().isEmpty(), replacedBy, search.traitDifferences(), search);
    }

    @Override
    public MatriculeVerdict checkMatricule(String matricule, InsKind kind) {
        MatriculeCheck.Verdict verdict = MatriculeCheck.check(matricule, kind);
        return new MatriculeVerdict(verdict.valid(), verdict.code(), verdict.reason());
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.ofInstant(context.clock().instant(), java.time.ZoneId.of("Europe/Paris"));
    }

    /** A card's date may be "lunar" (day or month 00 or past the calendar): only its year is checked here. */
    private static java.time.LocalDate lunarYearOnly(String cardDate) {
        return java.time.LocalDate.of(Integer.parseInt(cardDate.substring(0, 4)), 1, 1);
    }

    private void audit(InsSearchRequest request, AuditOutcome outcome, String detail) {
        context.audit().record(new AuditEvent(context.clock().instant(), request.finess(), request.actor(),
                context.config().software().name(), "ins.search", request.person().localId(), null, outcome, detail));
    }
}
