package fr.duiconnect.cli.ins;

import fr.duiconnect.cli.bench.BareHttp;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.ins.insi.InsiNamespaces;
import fr.duiconnect.ins.insi.InsiQuery;
import fr.duiconnect.ins.insi.InsiSoap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code dui-connect bench ins-search-bare}: the baseline of {@code ins-search}: the same INSi request (written by the
 * ins module's own {@link InsiSoap}, one message id each, built before the timing) posted with a plain JDK
 * HttpClient over the same mutual TLS to the same simulator; no rules, no CXF, no parsing beyond a found check.
 */
public class BareSearchScenario implements BenchScenario {

    private static final String SOAP_TYPE = "application/soap+xml; charset=UTF-8; action=\"" + InsiNamespaces.ACTION_SEARCH_BY_TRAITS + "\"";

    private BareHttp http;
    private URI url;
    private SoftwareIdentity software;
    private String emitter;
    private BareHttp.Prepared<byte[]> requests;

    @Override public String name() { return "ins-search-bare"; }

    @Override public String description() {
        return "baseline: the same INSi search by traits, pre-built, posted with a plain JDK HttpClient (mutual TLS), no connector";
    }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.INS); }

    @Override
    public void setUp(DuiConnector connector, Sandbox sandbox) {
        EndpointConfig endpoint = connector.config().endpoint(ServiceSocle.INS);
        http = new BareHttp(endpoint);
        url = endpoint.url();
        software = connector.config().software();
        emitter = endpoint.option("emitter").or(() -> endpoint.option("finess")).orElse("");
    }

    @Override
    public void prepare(int operations) {
        InsiQuery adrun = new InsiQuery("ADRUN", "ZOE", Sex.F, LocalDate.of(1975, 12, 31), "63220");
        List<byte[]> built = new ArrayList<>(operations);
        for (int i = 0; i < operations; i++) {
            built.add(InsiSoap.request(adrun, software, emitter, UUID.randomUUID().toString(), Instant.now()).getBytes(StandardCharsets.UTF_8));
        }
        requests = new BareHttp.Prepared<>(built);
    }

    @Override
    public void run(int index) throws Exception {
        String answer = http.post(url, SOAP_TYPE, requests.next());
        if (!answer.contains("ADRUN")) {
            throw new IllegalStateException("ADRUN ZOE not found");
        }
    }
}
