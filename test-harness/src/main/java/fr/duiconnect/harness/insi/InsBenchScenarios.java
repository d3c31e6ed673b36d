package fr.duiconnect.harness.insi;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.ins.rules.InsiTraitRules;
import fr.duiconnect.ins.rules.MatriculeCheck;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** {@code dui-connect bench ins-search} (INSi round trip over mTLS) and {@code ins-checks} (matricule + traits, no I/O). */
public final class InsBenchScenarios {

    private InsBenchScenarios() { }

    private static final IdentityTraits ADRUN = new IdentityTraits("ADRUN", List.of("ZOE"), null, null, Sex.F, LocalDate.of(1975, 12, 31), null);
    private static final IdentityTraits ECETINSI = new IdentityTraits("ECETINSI", List.of("PIERRE-ALAIN", "MURIEL", "FLORIANT"), null, null,
            Sex.M, LocalDate.of(2009, 7, 14), "63220");

    /** One INS search (1 INSi call, CR 00) against the local simulator. */
    public static final class Search implements BenchScenario {
        private DuiConnector connector;

        @Override public String name() { return "ins-search"; }

        @Override public String description() { return "INS search by traits: one INSi call over mutual TLS to the local simulator (ADRUN ZOE → 00)"; }

        @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.INS); }

        @Override public void setUp(DuiConnector connector, Sandbox sandbox) { this.connector = connector; }

        @Override
        public void run(int index) {
            if (!connector.ins().search(InsSearchRequest.of(ADRUN, Sandbox.TEST_FINESS, "bench")).found()) {
                throw new IllegalStateException("ADRUN ZOE not found");
            }
        }
    }

    /** Matricule check + INSi trait rules, in memory. */
    public static final class Checks implements BenchScenario {
        private final MatriculeCheck check = MatriculeCheck.lenient();

        @Override public String name() { return "ins-checks"; }

        @Override public String description() { return "matricule (structure + key, 2B) and INSi trait rules, in memory"; }

        @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.INS); }

        @Override public void setUp(DuiConnector connector, Sandbox sandbox) { }

        @Override
        public void run(int index) {
            if (!check.check("180032B02040123", InsKind.NIR).valid()) {
                throw new IllegalStateException("valid matricule refused");
            }
            InsiTraitRules.requireSendable(ECETINSI);
        }
    }
}
