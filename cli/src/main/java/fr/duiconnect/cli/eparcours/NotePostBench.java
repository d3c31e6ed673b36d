package fr.duiconnect.cli.eparcours;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.Duration;
import java.util.Set;

/** {@code dui-connect bench eparcours-post}: one note validated, journaled, delivered as a transaction and acknowledged. */
public final class NotePostBench implements BenchScenario {

    private DuiConnector connector;

    @Override public String name() { return "eparcours-post"; }

    @Override public String description() { return "post a cahier de liaison note and wait until the platform stored it"; }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.EPARCOURS); }

    @Override
    public void setUp(DuiConnector value, Sandbox sandbox) {
        this.connector = value;
    }

    @Override
    public void run(int index) {
        InsPersona persona = InsPersona.ALL.get(Math.floorMod(index, InsPersona.ALL.size()));
        OperationReceipt receipt = connector.eparcours().post(NoteDraft.of(persona.identity(), NoteType.OBS, "Note de mesure " + index));
        var status = connector.operations().awaitFinal(receipt.operationId(), Duration.ofSeconds(60));
        if (status.state() != OperationState.ACKED) {
            throw new IllegalStateException("note not delivered: " + status.lastError());
        }
    }
}
