package fr.duiconnect.cli.eprescription;

import fr.duiconnect.harness.eprescription.EPrescriptionSimulator;
import fr.duiconnect.harness.eprescription.PrescriptionStore;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.util.List;
import java.util.Set;

/** {@code dui-connect bench eprescription-import}: retrieve over HTTPS, validate, map, identity check, ledger. */
public final class PrescriptionImportBench implements BenchScenario {

    private DuiConnector connector;
    private List<PrescriptionStore.Stored> prescriptions;

    @Override public String name() { return "eprescription-import"; }

    @Override public String description() { return "import a prescription of a persona (FHIR search, IG validation, mapping, ledger)"; }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.EPRESCRIPTION); }

    @Override
    public void setUp(DuiConnector value, Sandbox sandbox) {
        this.connector = value;
        this.prescriptions = sandbox.simulator(EPrescriptionSimulator.class).store().all().stream()
                .filter(s -> s.number().startsWith("SIM")).toList();
    }

    @Override
    public void run(int index) {
        PrescriptionStore.Stored stored = prescriptions.get(Math.floorMod(index, prescriptions.size()));
        InsPersona persona = InsPersona.byMatricule(PrescriptionStore.insOf(stored.lines().get(0)));
        connector.eprescription().importPrescription(stored.number(), persona.identity());
    }
}
