package fr.duiconnect.cli.ins;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceScenario;
import fr.duiconnect.cli.conformance.ConformanceScenarioProvider;
import fr.duiconnect.cli.conformance.Evidence;
import fr.duiconnect.cli.conformance.ScenarioOutcome;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** INS conformance: the CNDA INSi cases (against the sandbox or the CNDA test platform) and the offline rules. */
public final class InsConformanceScenarios implements ConformanceScenarioProvider {

    @FunctionalInterface
    private interface Check {
        ScenarioOutcome run(ConformanceContext context) throws Exception;
    }

    private record Scenario(String id, String title, String rule, String reference, Check check) implements ConformanceScenario {
        @Override public ServiceSocle service() { return ServiceSocle.INS; }
        @Override public ScenarioOutcome run(ConformanceContext context) throws Exception { return check.run(context); }
    }

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                new Scenario("INS-01", "Traits with a typographic apostrophe or a ligature are refused before sending",
                        "Les traits transmis à INSi n'utilisent que A-Z, espace, apostrophe et tiret ; aucun caractère n'est supprimé ou remplacé",
                        "CNDA INSi 2.03 cas 3; SEL-MP-043 EF_INS10_01", context -> {
                    try {
                        search(context.connector(), person("D’ÆION", "CŒUR", Sex.M, "1987-01-01", "2B020", IdentityStatus.PROV));
                        return ScenarioOutcome.fail("the traits were accepted");
                    } catch (DuiConnectException e) {
                        return ScenarioOutcome.check(e.code().equals("INS-TRAIT-CHARACTER"), "refused with " + e.code(),
                                "refused with an unexpected code " + e.code(), new Evidence("error", e.getMessage()));
                    }
                }),
                new Scenario("INS-02", "Apostrophes, hyphens and spaces are sent as they are", "D'ARTAGNAN DE L'HERAULT PIERRE-ALAIN est accepté",
                        "CNDA INSi 2.03 cas 1", context -> found(search(context.connector(),
                        person("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", Sex.M, "2001-06-17", "63220", IdentityStatus.PROV)))),
                new Scenario("INS-03", "Several identities: the birth place is added and one identity is found",
                        "En cas de réponse 02, relancer avec les autres prénoms puis le lieu de naissance", "CNDA INSi 2.06 cas 1 et 2", context -> {
                    InsSearchResult without = search(context.connector(), person("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", null, IdentityStatus.PROV));
                    InsSearchResult with = search(context.connector(), person("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", "63220", IdentityStatus.PROV));
                    return ScenarioOutcome.check(without.code() == InsiReturnCode.SEVERAL && with.found() && with.calls() == 2,
                            "02 without the birth place, 00 with it after " + with.calls() + " calls",
                            "expected 02 then 00 in 2 calls, got " + without.code().code() + " then " + with.code().code(),
                            new Evidence("last request", with.lastRequest()), new Evidence("last response", with.lastResponse()));
                }),
                new Scenario("INS-04", "One call per prénom, stopping at the first identity found",
                        "Interroger INSi avec chaque prénom seul, puis tous les prénoms", "CNDA INSi 2.07 cas 1", context -> {
                    InsSearchResult result = search(context.connector(), person("TCHITCHI", "OLA CATARINA BELLA", Sex.F, "1936-06-21", "63220", IdentityStatus.PROV));
                    return ScenarioOutcome.check(result.found() && result.calls() == 2, "found after OLA (01) then CATARINA (00)",
                            "expected 00 after 2 calls, got " + result.code().code() + " after " + result.calls(), new Evidence("last response", result.lastResponse()));
                }),
                new Scenario("INS-05", "A former matricule (INSHISTO) still resolves", "L'historique des INS est conservé",
                        "CNDA INSi 2.04 (TEST_2.04_cas2.xml)", context -> {
                    InsSearchResult result = search(context.connector(), person("ECETINSI", "PIERRE-ALAIN", Sex.M, "2009-07-14", "63220", IdentityStatus.PROV));
                    return ScenarioOutcome.check(result.found() && result.resolves("209076322083439"), "INSHISTO kept: " + result.history().size(),
                            "the former matricule does not resolve", new Evidence("response", result.lastResponse()));
                }),
                new Scenario("INS-06", "A provisional matricule comes with the NIA OID", "OID 1.2.250.1.213.1.4.9 pour un NIA",
                        "CNDA INSi 2.05 (TEST_2.05.xml); Référentiel INS OID", context -> {
                    InsSearchResult result = search(context.connector(), person("PROVISOIRE", "MATRICULE", Sex.M, "2009-07-01", "63220", IdentityStatus.PROV));
                    return ScenarioOutcome.check(result.found() && result.ins().kind() == InsKind.NIA, "NIA " + (result.found() ? result.ins().oid() : ""),
                            "expected an NIA", new Evidence("response", result.lastResponse()));
                }),
                new Scenario("INS-07", "A douteuse identity is never sent to INSi", "Une identité douteuse ou fictive reste provisoire et n'est pas transmise à INSi",
                        "RNIV 1 v2.0 §3.2.3 EXI SI 09", context -> {
                    PersonIdentity doubtful = new PersonIdentity("IPP-D", person("ADRUN", "ZOE", Sex.F, "1975-12-31", "63220", IdentityStatus.PROV).traits(),
                            null, IdentityStatus.PROV, Set.of(IdentityAttribute.DOUT));
                    try {
                        search(context.connector(), doubtful);
                        return ScenarioOutcome.fail("the douteuse identity was sent");
                    } catch (DuiConnectException e) {
                        return ScenarioOutcome.check(e.code().equals("INS-RNIV-DOUT-FICT"), "refused: " + e.code(), "unexpected " + e.code());
                    }
                }),
                new Scenario("INS-08", "A validated identity found by INSi becomes qualified", "VALI + INSi 00 (traits identiques) → QUAL",
                        "RNIV EXI SI 07; FR Core identity status", context -> {
                    InsSearchResult result = search(context.connector(), person("NESSI", "NATHALIE", Sex.F, "1977-07-14", "63220", IdentityStatus.VALI));
                    return ScenarioOutcome.check(result.resultingStatus() == IdentityStatus.QUAL, "QUAL", "status " + result.resultingStatus(),
                            new Evidence("response", result.lastResponse()));
                }),
                new Scenario("INS-09", "The INS key is checked, Corsica included", "Clé = 97 − (N mod 97), 2A → 19, 2B → 18",
                        "Référentiel INS; CNDA INSi 2.08 cas 1", context -> {
                    var ins = context.connector().ins();
                    boolean ok = ins.checkMatricule("180032B02040123", InsKind.NIR).valid() && !ins.checkMatricule("180032B02040124", InsKind.NIR).valid()
                            && ins.checkMatricule("297022A02077878", InsKind.NIR).valid();
                    return ScenarioOutcome.check(ok, "keys verified", "a Corsican key was misjudged");
                }));
    }

    private static ScenarioOutcome found(InsSearchResult result) {
        return ScenarioOutcome.check(result.found(), "found: " + result.ins(), "expected 00, got " + result.code().code(),
                new Evidence("last request", result.lastRequest()), new Evidence("last response", result.lastResponse()));
    }

    private static InsSearchResult search(DuiConnector connector, PersonIdentity person) {
        return connector.ins().search(new InsSearchRequest(person, null, "conformance"));
    }

    private static PersonIdentity person(String birthName, String firstNames, Sex sex, String date, String cog, IdentityStatus status) {
        IdentityTraits traits = new IdentityTraits(birthName, Arrays.asList(firstNames.split(" ")), null, null, sex, LocalDate.parse(date), cog);
        return new PersonIdentity("CONF-" + Math.abs(birthName.hashCode()), traits, null, status, Set.of());
    }
}
