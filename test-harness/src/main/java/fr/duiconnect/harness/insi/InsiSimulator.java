package fr.duiconnect.harness.insi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.ExchangeRecording;
import fr.duiconnect.harness.sandbox.SandboxContext;
import fr.duiconnect.harness.sandbox.SandboxSimulator;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import fr.duiconnect.harness.sandbox.SimulatorSockets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated INSi teleservice on loopback: HTTPS with client certificates required, the client certificate's CN
 * checked (INSI-AUTO or INSI-MANU, else DESIR_560), the SOAP 1.2 envelope and headers validated, answers from the
 * CNDA persona table, faults on demand.
 */
public final class InsiSimulator implements SandboxSimulator {

    /** The CN INSi requires of the structure's software certificate. */
    public static final String CLIENT_CN = "INSI-AUTO";

    private final FaultSwitch faults = new FaultSwitch();
    private final AtomicLong requests = new AtomicLong();
    private HttpsServer server;
    private ExecutorService executor;
    private InsiResponder responder;
    private Map<String, String> properties;
    private Path recordDir;

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.INS;
    }

    @Override
    public void start(SandboxContext context) throws Exception {
        start(context.pki(), context.directory(), context.finess(), context.recordDir());
    }

    public void start(TestPki pki, Path directory, String finess, Path recordDir) throws IOException, GeneralSecurityException {
        this.recordDir = recordDir;
        this.responder = new InsiResponder(InsiPersona.all());
        IssuedCertificate serverCertificate = pki.issueServer("insi-server.p12");
        IssuedCertificate client = pki.issueOrgAuthClient("insi-auto.p12", CLIENT_CN, finess);
        SSLContext tls = serverContext(pki, serverCertificate);
        server = SimulatorSockets.https(64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = tls.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                if (faults.failsNextHandshake()) {
                    ssl.setCipherSuites(new String[] {FaultSwitch.NO_USABLE_SUITE});
                } else {
                    ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                }
                parameters.setSSLParameters(ssl);
            }
        });
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "insi-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/lps", this::handle);
        server.start();
        properties = new LinkedHashMap<>();
        properties.put("dui.ins.url", "https://127.0.0.1:" + server.getAddress().getPort() + "/lps");
        properties.put("dui.ins.tls.truststore", pki.trustStore().path().toString());
        properties.put("dui.ins.tls.truststore.password.file", pki.directory().resolve("pki.pass").toString());
        properties.put("dui.ins.tls.keystore", client.keyStore().path().toString());
        properties.put("dui.ins.tls.keystore.password.file", pki.directory().resolve("pki.pass").toString());
        properties.put("dui.ins.tls.keystore.alias", TestPki.KEY_ALIAS);
        properties.put("dui.ins.option.finess", finess);
    }

    private static SSLContext serverContext(TestPki pki, IssuedCertificate certificate) throws GeneralSecurityException {
        KeyStore keys = certificate.keyStore().load();
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, pki.password().chars());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(pki.trustStore().load());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long number = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readNBytes(1024 * 1024);
            if (recordDir != null) {
                ExchangeRecording.save(recordDir, String.format("%05d-request.txt", number), exchange, body);
            }
            var fault = faults.nextRequest();
            if (fault.isPresent() && injected(fault.get(), exchange)) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "POST only");
                return;
            }
            String commonName = clientCommonName((HttpsExchange) exchange);
            InsiResponder.Reply reply = responder.answer(body, commonName,
                    exchange.getRequestHeaders().getFirst("Content-Type"), clientFiness((HttpsExchange) exchange));
            if (recordDir != null) {
                Files.writeString(recordDir.resolve(String.format("%05d-response.xml", number)), reply.body());
            }
            reply(exchange, reply.status(), "application/soap+xml; charset=utf-8", reply.body());
        }
    }

    /** Applies a fault; returns true when the request must not be answered normally. */
    private boolean injected(Fault fault, HttpExchange exchange) throws IOException {
        switch (fault.kind()) {
            case LATENCY -> {
                try {
                    Thread.sleep(fault.latency().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            case HTTP_500 -> reply(exchange, 500, "text/plain", "Internal Server Error");
            case HTTP_503 -> reply(exchange, 503, "text/plain", "Service Unavailable");
            case SOAP_FAULT -> reply(exchange, 500, "application/soap+xml; charset=utf-8",
                    InsiResponder.fault("soap:Receiver", "siram_300", "Service momentanément indisponible", "desir_900",
                            "Erreur technique du téléservice."));
            case CONNECTION_RESET -> exchange.getResponseBody().close();   // closed without an answer
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Issues a structure's INSi authentication certificate (CN INSI-AUTO, OU its FINESS). */
    public IssuedCertificate issueStructureCertificate(TestPki pki, String finess) {
        return pki.issueOrgAuthClient("insi-auto-" + finess + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ".p12",
                CLIENT_CN, finess);
    }

    private static String clientFiness(HttpsExchange exchange) {
        try {
            return fr.duiconnect.harness.pki.StructureCertificates.finessOf(
                    (java.security.cert.X509Certificate) exchange.getSSLSession().getPeerCertificates()[0]).orElse(null);
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static String clientCommonName(HttpsExchange exchange) {
        try {
            var certificate = (java.security.cert.X509Certificate) exchange.getSSLSession().getPeerCertificates()[0];
            for (String part : certificate.getSubjectX500Principal().getName().split(",")) {
                if (part.startsWith("CN=")) {
                    return part.substring(3);
                }
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
        return null;
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public long requestCount() {
        return requests.get();
    }

    @Override
    public Map<String, String> connectorProperties() {
        return properties;
    }

    @Override
    public FaultSwitch faults() {
        return faults;
    }

    @Override
    public String describe() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/lps (SOAP 1.2, mutual TLS, CN " + CLIENT_CN + ")";
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    List<InsiPersona> personas() {
        return InsiPersona.all();
    }
}
