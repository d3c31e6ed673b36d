package fr.duiconnect.cli.dmp;

import fr.duiconnect.cli.bench.BareHttp;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.dmp.DmpGateway;
import fr.duiconnect.dmp.DmpSettings;
import fr.duiconnect.dmp.DocumentSubmissions;
import fr.duiconnect.dmp.cda.CdaHeader;
import fr.duiconnect.dmp.cda.CdaHeaderReader;
import fr.duiconnect.dmp.security.VihfAssertion;
import fr.duiconnect.dmp.soap.DmpSoap;
import fr.duiconnect.dmp.soap.DmpTransport;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code dui-connect bench dlu-deposit-bare}: the baseline of {@code dlu-deposit}: the same two exchanges per deposit
 * (TD0.2, then ITI-41 with the CDA and the signed submission set over MTOM), each built and signed before the timing
 * by the dmp module's own gateway, metadata factory and signers (a fresh DLU, uniqueId and VIHF per deposit), then
 * posted with a plain JDK HttpClient over the same mutual TLS to the same simulator: the wire's limit.
 */
public class BareDepositScenario implements BenchScenario {

    private record Deposit(DmpGateway.Request existence, DmpGateway.Request provideAndRegister) {
    }

    private DuiConnector connector;
    private DmpSimulator simulator;
    private BareHttp http;
    private DmpGateway gateway;
    private DocumentSubmissions submissions;
    private ResidentRecord resident;
    private BareHttp.Prepared<Deposit> deposits;

    @Override public String name() { return "dlu-deposit-bare"; }

    @Override public String description() {
        return "baseline: TD0.2 + ITI-41 of a DLU, pre-built and signed by the dmp module, posted with a plain JDK HttpClient (mutual TLS)";
    }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.DMP); }

    @Override
    public void setUp(DuiConnector value, Sandbox sandbox) {
        connector = value;
        simulator = sandbox == null ? null : sandbox.simulator(DmpSimulator.class);
        EndpointConfig endpoint = connector.config().endpoint(ServiceSocle.DMP);
        DmpSettings settings = DmpSettings.from(endpoint, connector.config().software());
        Clock clock = Clock.systemUTC();
        VihfAssertion vihf = new VihfAssertion(settings.vihf(), settings.orgSign(), settings.signatureAlgorithm(), settings.digestAlgorithm(), clock);
        gateway = new DmpGateway(new DmpTransport(endpoint, settings.maxAnswerBytes()), vihf, settings.sourceId());
        submissions = new DocumentSubmissions(settings, clock);
        http = new BareHttp(endpoint);
        resident = SampleResident.load();
    }

    @Override
    public void prepare(int operations) {
        List<Deposit> built = new ArrayList<>(operations);
        for (int i = 0; i < operations; i++) {
            byte[] cda = connector.dmp().writeDlu(resident, null).xml();
            CdaHeader header = CdaHeaderReader.read(cda);
            Ins ins = header.patientIns();
            DocumentSubmissions.Submission submission = submissions.of(cda, header, Set.of(), null);
            built.add(new Deposit(gateway.existenceRequest(ins),
                    gateway.provideAndRegisterRequest(ins, submission.submission(), submission.contentByEntryUuid())));
        }
        deposits = new BareHttp.Prepared<>(built);
    }

    /** Each deposit carries its VIHFs, valid five minutes from their building. */
    @Override
    public boolean preparedRequestsExpire() {
        return true;
    }

    @Override
    public void run(int index) throws Exception {
        Deposit deposit = deposits.next();
        send(deposit.existence());
        String answer = send(deposit.provideAndRegister());
        if (!answer.contains(DmpSoap.SUCCESS)) {
            throw new IllegalStateException("DLU not registered: " + answer.substring(0, Math.min(300, answer.length())));
        }
    }

    private String send(DmpGateway.Request request) throws Exception {
        return http.post(request.service(), request.contentType(), request.body());
    }

    @Override
    public String notes() {
        return DluDepositBench.notes(simulator);
    }

    @Override
    public String simulatorNotes(Sandbox sandbox) {
        return DluDepositBench.notes(sandbox.simulator(fr.duiconnect.harness.dmp.DmpSimulator.class));
    }
}
