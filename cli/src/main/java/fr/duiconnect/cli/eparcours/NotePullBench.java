package fr.duiconnect.cli.eparcours;

import fr.duiconnect.harness.eparcours.EParcoursSimulator;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.util.Set;

/**
 * {@code dui-connect bench eparcours-pull}: the home-care nurse writes 10 notes, the DUI pulls them (search,
 * validation of each note, ledger, cursor). One operation = one pull of 10 new notes.
 */
public final class NotePullBench implements BenchScenario {

    public static final int NOTES_PER_PULL = 10;

    private DuiConnector connector;
    private EParcoursSimulator platform;

    @Override public String name() { return "eparcours-pull"; }

    @Override public String description() { return "pull " + NOTES_PER_PULL + " new notes written by the other participant"; }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.EPARCOURS); }

    @Override
    public void setUp(DuiConnector value, Sandbox sandbox) {
        this.connector = value;
        this.platform = sandbox.simulator(EParcoursSimulator.class);
    }

    @Override
    public synchronized void run(int index) {
        InsPersona persona = InsPersona.ALL.get(Math.floorMod(index, InsPersona.ALL.size()));
        connector.eparcours().pull(persona.identity());
        for (int i = 0; i < NOTES_PER_PULL; i++) {
            platform.nurse().writes(persona, "OBS", "Observation " + index + "." + i);
        }
        int received = connector.eparcours().pull(persona.identity()).notes().size();
        if (received != NOTES_PER_PULL) {
            throw new IllegalStateException("pulled " + received + " notes, expected " + NOTES_PER_PULL);
        }
    }
}
