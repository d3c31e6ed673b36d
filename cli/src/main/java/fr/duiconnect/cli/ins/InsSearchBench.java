package fr.duiconnect.cli.ins;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** {@code dui-connect bench ins-search}: an INSi round trip (rules, SOAP, mutual TLS, parse) against the simulator. */
public final class InsSearchBench implements BenchScenario {

    private static final InsSearchRequest ADRUN = InsSearchRequest.of(new PersonIdentity("BENCH",
            new IdentityTraits("ADRUN", List.of("ZOE"), null, null, Sex.F, LocalDate.of(1975, 12, 31), "63220"), null,
            IdentityStatus.PROV, Set.of()), Sandbox.TEST_FINESS);

    private DuiConnector connector;

    @Override public String name() { return "ins-search"; }

    @Override public String description() { return "INS: search by traits through the simulated INSi (SOAP 1.2, mutual TLS), per search"; }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.INS); }

    @Override
    public void setUp(DuiConnector connector, Sandbox sandbox) {
        this.connector = connector;
    }

    @Override
    public void run(int index) {
        if (!connector.ins().search(ADRUN).found()) {
            throw new IllegalStateException("ADRUN ZOE not found");
        }
    }
}
