package fr.duiconnect.cli.dmp;

import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.dmp.document.CdaDocumentWriter;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.Clock;
import java.util.Set;

/**
 * {@code dui-connect bench dlu-write}: the sample resident's DLU written after the pre-checks (qualified INS, médecin
 * traitant, dates, code lists), offline and CPU only — what a DUI pays per DLU before any exchange.
 */
public final class DluWriteBench implements BenchScenario {

    private final CdaDocumentWriter writer = new CdaDocumentWriter(Clock.systemDefaultZone());
    private ResidentRecord resident;

    @Override public String name() { return "dlu-write"; }

    @Override public String description() { return "DMP: write the sample resident's DLU (pre-checks + CDA), offline"; }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.DMP); }

    @Override
    public void setUp(DuiConnector connector, Sandbox sandbox) {
        resident = SampleResident.load();
    }

    @Override
    public void run(int index) {
        GeneratedCda dlu = writer.dlu(resident, null);
        if (dlu.xml().length < 10_000) {
            throw new IllegalStateException("DLU too short to be whole: " + dlu.xml().length + " bytes");
        }
    }
}
