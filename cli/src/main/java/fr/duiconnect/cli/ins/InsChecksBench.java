package fr.duiconnect.cli.ins;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.ins.rules.InsiTraitRules;
import fr.duiconnect.ins.rules.MatriculeCheck;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** {@code dui-connect bench ins-checks}: matricule + INSi trait checks, offline, per check (CPU only). */
public final class InsChecksBench implements BenchScenario {

    private static final IdentityTraits TRAITS = new IdentityTraits("D'ARTAGNAN DE L'HERAULT", List.of("PIERRE-ALAIN", "JEAN"), null, null,
            Sex.M, LocalDate.of(2001, 6, 17), "63220");

    @Override public String name() { return "ins-checks"; }

    @Override public String description() { return "INS: matricule (shape, key, structure) + INSi trait rules, offline"; }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.INS); }

    @Override public void setUp(DuiConnector connector, Sandbox sandbox) { }

    @Override
    public void run(int index) {
        if (!MatriculeCheck.check(index % 2 == 0 ? "180032B02040123" : "275126322074974", InsKind.NIR).valid()) {
            throw new IllegalStateException("valid matricule refused");
        }
        InsiTraitRules.check(TRAITS);
    }
}
