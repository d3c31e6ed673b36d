package fr.duiconnect.harness.insi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.SandboxContext;
import fr.duiconnect.harness.sandbox.SandboxSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated INSi endpoint (rechercherInsAvecTraitsIdentite) on 127.0.0.1, mutual TLS required: the client
 * certificate must chain to the sandbox PKI and its CN be exactly INSI-AUTO or INSI-MANU (else DESIR_560).
 * It checks the envelope and headers ({@link InsiRequestCheck}), consults its fault switch once per request, and
 * answers from the CNDA persona table ({@link InsiPersonas}): 00 for exactly one match, 02 for several, 01 for none.
 */
public final class InsiSimulator implements SandboxSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(InsiSimulator.class);
    public static final String CLIENT_CN = "INSI-AUTO";
    public static final String AUTHORISATION = "CNDA-SANDBOX-0001";
    private static final Set<String> ACCEPTED_CN = Set.of("INSI-AUTO", "INSI-MANU");

    private final FaultSwitch faults = new FaultSwitch();
    private final AtomicInteger searches = new AtomicInteger();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<InsiPersona> personas;
    private Set<String> authorisations = Set.of(AUTHORISATION);
    private HttpsServer server;
    private ExecutorService executor;
    private TestPki pki;
    private Path recordDir;

    public InsiSimulator() {
        this(InsiPersonas.CNDA);
    }

    public InsiSimulator(List<InsiPersona> personas) {
        this.personas = List.copyOf(personas);
    }

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.INS;
    }

    @Override
    public void start(SandboxContext context) throws Exception {
        pki = context.pki();
        recordDir = context.recordDir();
        IssuedCertificate serverCert = pki.issueServer("insi-server.p12");
        SSLContext ssl = TlsConfig.trusting(pki.trustStore()).withClientKey(serverCert.keyStore()).sslContext();
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = ssl.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setSSLParameters(parameters);
            }
        });
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "insi-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/lps", this::handle);
        server.start();

        IssuedCertificate client = pki.issueOrgAuthClient("insi-auth-cli.p12", CLIENT_CN, context.finess());
        Path passwordFile = pki.directory().resolve("pki.pass").toAbsolutePath();
        properties.put("dui.ins.url", url());
        properties.put("dui.ins.tls.truststore", pki.trustStore().path().toAbsolutePath().toString());
        properties.put("dui.ins.tls.truststore.password.file", passwordFile.toString());
        properties.put("dui.ins.tls.keystore", client.keyStore().path().toAbsolutePath().toString());
        properties.put("dui.ins.tls.keystore.password.file", passwordFile.toString());
        properties.put("dui.ins.tls.keystore.alias", TestPki.KEY_ALIAS);
        properties.put("dui.ins.timeout.connect", "PT5S");
        properties.put("dui.ins.timeout.read", "PT10S");
        properties.put("dui.ins.option.emetteur", context.finess());
        properties.put("dui.software.homologation.insi", AUTHORISATION);
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/lps";
    }

    /** Number of searches answered (00/01/02), to observe the client's strategy. */
    public int searchCount() {
        return searches.get();
    }

    /** Authorisation numbers (IDAM) the simulated service knows; others get siram_100 / desir_550. */
    public void knownAuthorisations(Set<String> values) {
        this.authorisations = Set.copyOf(values);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<Fault> fault = faults.nextRequest();
            if (fault.isPresent() && applyFault(exchange, fault.get())) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only");
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/soap+xml")) {
                send(exchange, 415, "text/plain", "SOAP 1.2 (application/soap+xml) expected");
                return;
            }
            String cn = clientCn((HttpsExchange) exchange);
            byte[] body = exchange.getRequestBody().readAllBytes();
            record(body);
            if (!ACCEPTED_CN.contains(cn)) {
                send(exchange, 500, "application/soap+xml", InsiSoap.fault("Sender", null, "Niveau d'accès insuffisant",
                        "DESIR_560", "Vous ne disposez pas des droits suffisants pour accéder à ce service", null));
                return;
            }
            InsiRequestCheck.Search search;
            try {
                search = InsiRequestCheck.check(body, authorisations);
            } catch (InsiRequestCheck.Refusal r) {
                send(exchange, 500, "application/soap+xml", InsiSoap.fault(r.soapCode, r.subcode, r.reason, r.siramCode, r.reason, null));
                return;
            }
            searches.incrementAndGet();
            List<InsiPersona> found = personas.stream()
                    .filter(p -> p.matches(search.nom(), search.prenoms(), search.sexe(), search.date(), search.lieu())).toList();
            String resultat = switch (found.size()) {
                case 0 -> InsiSoap.resultat("01", "Aucune identite trouvee", null);
                case 1 -> InsiSoap.resultat("00", "OK", found.get(0));
                default -> InsiSoap.resultat("02", "Plusieurs identites trouvees", null);
            };
            send(exchange, 200, "application/soap+xml", InsiSoap.envelope(search.messageId(), resultat));
        } catch (RuntimeException e) {
            LOG.warn("INSi simulator failed on a request: {}", e.toString());
        }
    }

    /** Returns true when the fault replaced the answer. */
    private boolean applyFault(HttpExchange exchange, Fault fault) throws IOException {
        switch (fault.kind()) {
            case LATENCY -> {
                try {
                    Thread.sleep(fault.latency().toMillis()); // the simulated service is slow; the client's timeout decides
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case HTTP_500 -> send(exchange, 500, "text/plain", "Internal Server Error");
            case HTTP_503 -> send(exchange, 503, "text/plain", "Service Unavailable");
            case SOAP_FAULT -> send(exchange, 500, "application/soap+xml",
                    InsiSoap.fault("Receiver", null, "Erreur technique du service", "siram_50", "Service momentanément indisponible", null));
            case CONNECTION_RESET, TLS_FAILURE -> {
                // Closing an exchange before its response headers closes the connection: the client sees no answer.
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String clientCn(HttpsExchange exchange) {
        try {
            X509Certificate cert = (X509Certificate) exchange.getSSLSession().getPeerCertificates()[0];
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
            return "";
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            return "";
        }
    }

    private void record(byte[] body) {
        if (recordDir == null) {
            return;
        }
        try {
            Files.createDirectories(recordDir);
            Files.write(recordDir.resolve("insi-" + System.nanoTime() + ".xml"), body);
        } catch (IOException e) {
            LOG.debug("cannot record an INSi request", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public Map<String, String> connectorProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public FaultSwitch faults() {
        return faults;
    }

    @Override
    public String describe() {
        return server == null ? "INSi simulator (stopped)" : url() + " (INSi, mutual TLS, CN INSI-AUTO/INSI-MANU)";
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
