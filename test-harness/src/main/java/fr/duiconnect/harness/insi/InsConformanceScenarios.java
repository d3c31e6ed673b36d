package fr.duiconnect.harness.insi;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.conformance.ConformanceContext;
import fr.duiconnect.harness.conformance.ConformanceScenario;
import fr.duiconnect.harness.conformance.ConformanceScenarioProvider;
import fr.duiconnect.harness.conformance.Evidence;
import fr.duiconnect.harness.conformance.ScenarioOutcome;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.ins.InsErrorCode;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * INS conformance scenarios: the CNDA INSi cases (spec §1.7) run through the connector. Against the sandbox they
 * pass when the connector behaves; any misbehaviour of the service (e.g. a SOAP fault injected in the simulator)
 * makes them fail with the evidence.
 */
public final class InsConformanceScenarios implements ConformanceScenarioProvider {

    private record Scenario(String id, String title, String rule, String reference, Function<ConformanceContext, ScenarioOutcome> body)
            implements ConformanceScenario {
        @Override public ServiceSocle service() { return ServiceSocle.INS; }

        @Override
        public ScenarioOutcome run(ConformanceContext context) {
            try {
                return body.apply(context);
            } catch (DuiConnectException e) {
                return ScenarioOutcome.fail("INSi call failed: " + e.code() + " " + e.getMessage(), new Evidence("error", e.code() + ": " + e.rule()));
            }
        }
    }

    static IdentityTraits traits(String nom, String prenoms, Sex sex, String date, String cog) {
        return new IdentityTraits(nom, List.of(prenoms.split(" ")), null, null, sex, LocalDate.parse(date), cog);
    }

    static InsSearchResult search(ConformanceContext c, IdentityTraits traits) {
        return c.connector().ins().search(InsSearchRequest.of(traits, Sandbox.TEST_FINESS, "conformance"));
    }

    static Evidence[] exchange(InsSearchResult r) {
        return new Evidence[] {new Evidence("last request", r.lastRequestXml()), new Evidence("last response", r.lastResponseXml())};
    }

    static ScenarioOutcome found(InsSearchResult r, String matricule, InsKind kind) {
        boolean ok = r.returnCode() == InsReturnCode.FOUND && r.ins() != null && r.ins().matricule().equals(matricule) && r.ins().kind() == kind;
        return ScenarioOutcome.check(ok, "00, matricule " + matricule + " (" + kind + ")",
                "expected 00 with " + matricule + " (" + kind + "), got " + r.returnCode().code()
                        + (r.ins() == null ? "" : " " + r.ins().matricule() + " " + r.ins().kind()), exchange(r));
    }

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                new Scenario("INS-01", "Traits with apostrophes, spaces and a hyphen are sent as typed",
                        "A-Z, space, apostrophe and hyphen are accepted in INSi traits and never altered",
                        "CNDA INSi 2.03 cas 1", c -> {
                            InsSearchResult r = search(c, traits("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", Sex.M, "2001-06-17", "63220"));
                            return ScenarioOutcome.check(r.lastRequestXml().contains(">D'ARTAGNAN DE L'HERAULT<") && r.found(),
                                    "sent unchanged and found", "traits altered or not found (" + r.returnCode().code() + ")", exchange(r));
                        }),
                new Scenario("INS-02", "Typographic apostrophe and ligatures are refused before any call",
                        "INSi refuses diacritics and ligatures: the client rejects them, it does not strip them",
                        "CNDA INSi 2.03 cas 3; SEL-MP-043 EF_INS10_01", c -> {
                            try {
                                InsSearchResult r = search(c, traits("D’ÆION", "CŒUR", Sex.M, "1987-01-01", "2B020"));
                                return ScenarioOutcome.fail("the traits were sent (" + r.returnCode().code() + ")", exchange(r));
                            } catch (DuiConnectException e) {
                                return ScenarioOutcome.check(e.errorCode() == InsErrorCode.TRAIT_CHARACTERS, "refused: " + e.getMessage(),
                                        "refused for another reason: " + e.code(), new Evidence("refusal", e.code() + " " + e.getMessage()));
                            }
                        }),
                new Scenario("INS-03", "Former matricules (INSHISTO) are kept", "INSHISTO (0..n) is stored with the active INS",
                        "CNDA INSi 2.04 cas 2 (TEST_2.04_cas2.xml)", c -> {
                            InsSearchResult r = search(c, traits("ECETINSI", "PIERRE-ALAIN", Sex.M, "2009-07-14", null));
                            boolean ok = r.found() && r.history().stream().map(Ins::matricule).toList()
                                    .equals(List.of("209076322083439", "209066322012355"));
                            return ScenarioOutcome.check(ok, "two former matricules kept", "INSHISTO not kept as returned", exchange(r));
                        }),
                new Scenario("INS-04", "An NIA is recognised by its OID", "OID 1.2.250.1.213.1.4.9 is an INS-NIA (temporary)",
                        "CNDA INSi 2.05 (TEST_2.05.xml)",
                        c -> found(search(c, traits("PROVISOIRE", "MATRICULE", Sex.M, "2009-07-01", null)), "109076322088835", InsKind.NIA)),
                new Scenario("INS-05", "Several identities (02) are reported, the birth place then finds one",
                        "On 02, add the other first names, then the COG", "CNDA INSi 2.06 cas 1 and 2", c -> {
                            InsSearchResult several = search(c, traits("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", null));
                            InsSearchResult one = search(c, traits("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", "63220"));
                            return ScenarioOutcome.check(several.returnCode() == InsReturnCode.SEVERAL && one.found(),
                                    "02 without COG, 00 with 63220", "expected 02 then 00, got " + several.returnCode().code() + " then "
                                            + one.returnCode().code(), exchange(one));
                        }),
                new Scenario("INS-06", "One call per first name, stopping at the first 00",
                        "Call once per prénom, stop at 00, then once with all prénoms", "CNDA INSi 2.07 cas 1", c -> {
                            InsSearchResult r = search(c, traits("TCHITCHI", "OLA CATARINA BELLA", Sex.F, "1936-06-21", null));
                            return ScenarioOutcome.check(r.found() && r.calls() == 2, "OLA → 01, CATARINA → 00 after 2 calls",
                                    "expected 00 after 2 calls, got " + r.returnCode().code() + " after " + r.calls(), exchange(r));
                        }),
                new Scenario("INS-07", "No identity (01) after each first name and all of them",
                        "01 is reported with guidance after every prénom and the joined list", "CNDA INSi 2.07 cas 2", c -> {
                            InsSearchResult r = search(c, traits("HOUILLES", "PIERRE PAUL JACQUES", Sex.M, "1993-01-27", null));
                            return ScenarioOutcome.check(r.returnCode() == InsReturnCode.NOT_FOUND && r.calls() == 4,
                                    "01 after 4 calls: " + r.guidance(), "expected 01 after 4 calls, got " + r.returnCode().code()
                                            + " after " + r.calls(), exchange(r));
                        }),
                new Scenario("INS-08", "Corsican matricule (2B) and its key", "Key = 97 − (N mod 97), 2B counted as 18",
                        "CNDA INSi 2.08 cas 1 (TEST_2.08_cas1.xml)",
                        c -> found(search(c, traits("CORSE", "ANTHONY", Sex.M, "1980-03-02", null)), "180032B02040123", InsKind.NIR)),
                new Scenario("INS-09", "INSi unavailable is reported as retryable, then the service answers again",
                        "Timeouts and HTTP 5xx are temporary: retry later; the next call succeeds", "[project] transport resilience", c -> {
                            if (c.sandboxIfAny().isEmpty()) {
                                return ScenarioOutcome.skipped("needs the sandbox to make the simulator fail");
                            }
                            c.sandbox().faults(ServiceSocle.INS).set(Fault.times(FaultKind.HTTP_503, 1));
                            IdentityTraits adrun = traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null);
                            try {
                                search(c, adrun);
                                return ScenarioOutcome.fail("the injected 503 was not reported");
                            } catch (DuiConnectException e) {
                                if (!e.retryable()) {
                                    return ScenarioOutcome.fail("503 reported as not retryable: " + e.code());
                                }
                            }
                            return found(search(c, adrun), "275126322074974", InsKind.NIR);
                        }));
    }
}
