package fr.duiconnect.cli.eparcours;

import fr.duiconnect.cli.bench.BareHttp;
import fr.duiconnect.cli.bench.BenchScenario;
import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.eparcours.NoteDraft;
import fr.duiconnect.core.eparcours.NoteType;
import fr.duiconnect.eparcours.NoteTransactions;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.sandbox.Sandbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code dui-connect bench eparcours-post-bare}: the baseline of {@code eparcours-post}: the same note transactions
 * (written by the e-parcours module's own writer, one note id each, built before the timing) posted as FHIR JSON
 * with a plain JDK HttpClient over the same TLS and bearer token to the same simulator; no validation, no journal.
 */
public class BarePostScenario implements BenchScenario {

    private BareHttp http;
    private URI base;
    private String authorization;
    private NoteTransactions transactions;
    private BareHttp.Prepared<byte[]> requests;

    @Override public String name() { return "eparcours-post-bare"; }

    @Override public String description() {
        return "baseline: the same note transaction, pre-built, posted with a plain JDK HttpClient (TLS, bearer token), no connector";
    }

    @Override public Set<ServiceSocle> services() { return Set.of(ServiceSocle.EPARCOURS); }

    @Override
    public void setUp(DuiConnector connector, Sandbox sandbox) throws Exception {
        EndpointConfig endpoint = connector.config().endpoint(ServiceSocle.EPARCOURS);
        http = new BareHttp(endpoint, "TLSv1.2");   // see BareHttp: the JDK client's TLS 1.3 stalls with Jetty
        base = endpoint.url();
        authorization = "Bearer " + Files.readString(Path.of(endpoint.requiredOption("token.file"))).strip();
        transactions = new NoteTransactions(endpoint);
    }

    @Override
    public void prepare(int operations) {
        List<byte[]> built = new ArrayList<>(operations);
        for (int i = 0; i < operations; i++) {
            InsPersona persona = InsPersona.ALL.get(i % InsPersona.ALL.size());
            built.add(transactions.creation(NoteDraft.of(persona.identity(), NoteType.OBS, "Note de mesure " + i), Instant.now()));
        }
        requests = new BareHttp.Prepared<>(built);
    }

    @Override
    public void run(int index) throws Exception {
        String answer = http.post(base, "application/fhir+json", requests.next(), "Authorization", authorization,
                "Accept", "application/fhir+json");
        if (!answer.contains("DocumentReference/")) {
            throw new IllegalStateException("the platform stored no note: " + answer.substring(0, Math.min(200, answer.length())));
        }
    }
}
