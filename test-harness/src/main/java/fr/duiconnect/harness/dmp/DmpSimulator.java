package fr.duiconnect.harness.dmp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.fhir.FhirServerHost;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.harness.sandbox.ExchangeRecording;
import fr.duiconnect.harness.sandbox.SandboxContext;
import fr.duiconnect.harness.sandbox.SandboxSimulator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.OutputStream;
import fr.duiconnect.harness.sandbox.SimulatorSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated DMP on loopback: {@code /dmp/patients} (TD0.2), {@code /dmp/registry} (ITI-18, ITI-57) and
 * {@code /dmp/repository} (ITI-41, ITI-43), HTTPS with the structure's ORG AUTH_CLI certificate required, SOAP 1.2
 * + MTOM parsed, the VIHF and the submission-set signature verified against the test PKI, metadata checked, and
 * documents kept per person so that searches and retrievals answer what was stored. Faults on demand.
 */
public final class DmpSimulator implements SandboxSimulator {

    /** Largest request accepted: a DLU with attachments is far below; beyond is refused, not buffered. */
    static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

    private final FaultSwitch faults = new FaultSwitch();
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger answersToLose = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger answersBeforeLoss = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger depositAnswersToLose = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong answersLost = new AtomicLong();
    /** Requests being handled (a request held by a LATENCY fault included); guarded by itself. */
    private final int[] inFlight = new int[1];
    private HttpsServer server;
    private ExecutorService executor;
    private DmpResponder responder;
    private Map<String, String> properties;
    private Path recordDir;
    private DmpContentCheck content = DmpContentCheck.fromEnvironment();

    @Override
    public ServiceSocle socle() {
        return ServiceSocle.DMP;
    }

    @Override
    public void start(SandboxContext context) throws Exception {
        start(context.pki(), context.finess(), context.recordDir());
    }

    public void start(TestPki pki, String finess, Path recordDir) throws IOException {
        this.recordDir = recordDir;
        content.prepare();
        this.responder = new DmpResponder(List.of(pki.rootCertificate()), Clock.systemUTC(), content);
        IssuedCertificate authClient = pki.issueOrgAuthClient("dmp-auth-cli.p12", "DMP-ESMS-" + finess, finess);
        IssuedCertificate orgSign = pki.issueOrgSign("dmp-org-sign.p12", "SIGN-ESMS-" + finess, finess);
        SSLContext tls = FhirServerHost.serverTls(pki, "dmp-server.p12");
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
            Thread thread = new Thread(r, "dmp-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        for (String service : List.of("patients", "registry", "repository")) {
            server.createContext("/dmp/" + service, exchange -> handle(service, exchange));
        }
        server.start();
        String pass = pki.directory().resolve("pki.pass").toString();
        properties = new LinkedHashMap<>();
        properties.put("dui.dmp.url", baseUrl());
        properties.put("dui.dmp.tls.truststore", pki.trustStore().path().toString());
        properties.put("dui.dmp.tls.truststore.password.file", pass);
        properties.put("dui.dmp.tls.keystore", authClient.keyStore().path().toString());
        properties.put("dui.dmp.tls.keystore.password.file", pass);
        properties.put("dui.dmp.tls.keystore.alias", TestPki.KEY_ALIAS);
        properties.put("dui.dmp.option.finess", finess);
        // the sandbox's médecin coordonnateur (the sample resident's author) answers for the automated feeding
        properties.put("dui.dmp.option.vihf.name-id", "810001234565");
        properties.put("dui.dmp.option.sign.keystore", orgSign.keyStore().path().toString());
        properties.put("dui.dmp.option.sign.keystore.password.file", pass);
        properties.put("dui.dmp.option.sign.keystore.alias", TestPki.KEY_ALIAS);
    }

    /**
     * Issues a structure's DMP certificates (ORG AUTH_CLI and ORG SIGN, on its FINESS juridique when it has one, as
     * since 2023) and tells the simulator which legal entity the structure belongs to.
     *
     * @return the authentication and signature key stores, in that order
     */
    public List<fr.duiconnect.harness.pki.IssuedCertificate> issueStructureCertificates(TestPki pki, String finess, String finessJuridique) {
        String holder = finessJuridique == null ? finess : finessJuridique;
        if (finessJuridique != null) {
            responder.legalEntity(finess, finessJuridique);
        }
        String serial = finess + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);   // rotations keep the old files
        return List.of(pki.issueOrgAuthClient("dmp-auth-" + serial + ".p12", "DMP-ESMS-" + holder, holder),
                pki.issueOrgSign("dmp-sign-" + serial + ".p12", "SIGN-ESMS-" + holder, holder));
    }

    private static java.security.cert.X509Certificate clientCertificate(HttpExchange exchange) {
        try {
            return exchange instanceof com.sun.net.httpserver.HttpsExchange https
                    ? (java.security.cert.X509Certificate) https.getSSLSession().getPeerCertificates()[0] : null;
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/dmp";
    }

    private void handle(String service, HttpExchange exchange) throws IOException {
        synchronized (inFlight) {
            inFlight[0]++;
        }
        try (exchange) {
            long number = requests.incrementAndGet();
            byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
            if (recordDir != null) {
                ExchangeRecording.save(recordDir, String.format("%05d-%s-request.txt", number, service), exchange, body);
            }
            var fault = faults.nextRequest();
            if (fault.isPresent() && injected(fault.get(), exchange)) {
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, new DmpResponder.Reply(405, "text/plain", "POST only".getBytes()));
                return;
            }
            if (body.length > MAX_REQUEST_BYTES) {
                reply(exchange, DmpResponder.fault("soap:Sender", "env:MessageTooLarge", "request larger than " + MAX_REQUEST_BYTES + " bytes"));
                return;
            }
            DmpResponder.Reply reply = responder.answer(service, exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    clientCertificate(exchange));
            if (loseAnswer(service)) {
                exchange.getResponseBody().close();   // processed, but the answer never reaches the client
                return;
            }
            if (recordDir != null) {
                Files.write(recordDir.resolve(String.format("%05d-%s-response.bin", number, service)), reply.body());
            }
            reply(exchange, reply);
        } finally {
            synchronized (inFlight) {
                inFlight[0]--;
                inFlight.notifyAll();
            }
        }
    }

    private boolean loseAnswer(String service) {
        boolean lose = "repository".equals(service) && depositAnswersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || answersToLose.get() > 0 && answersBeforeLoss.getAndUpdate(n -> Math.max(0, n - 1)) == 0
                && answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        if (lose) {
            answersLost.incrementAndGet();
        }
        return lose;
    }

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
            case HTTP_500 -> reply(exchange, new DmpResponder.Reply(500, "text/plain", "Internal Server Error".getBytes()));
            case HTTP_503 -> reply(exchange, new DmpResponder.Reply(503, "text/plain", "Service Unavailable".getBytes()));
            case SOAP_FAULT -> reply(exchange, DmpResponder.fault("soap:Receiver", "env:ServiceUnavailable", "Service DMP momentanément indisponible"));
            case CONNECTION_RESET -> exchange.getResponseBody().close();   // closed without an answer
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void reply(HttpExchange exchange, DmpResponder.Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    /**
     * The next {@code count} requests are processed (a deposit is registered) but answered by closing the
     * connection: the client cannot know whether it reached the DMP, the case at-least-once delivery must survive.
     */
    public void loseAnswers(int count) {
        loseAnswersAfter(0, count);
    }

    /** As {@link #loseAnswers}, after answering {@code answered} requests normally (e.g. let TD0.2 through, lose ITI-41). */
    public void loseAnswersAfter(int answered, int count) {
        answersBeforeLoss.set(answered);
        answersToLose.set(count);
    }

    /**
     * Waits until no request is being handled, e.g. one a LATENCY fault still holds after its client gave up, so that
     * a test's counting of answers starts clean. False if still busy after {@code max}.
     */
    public boolean awaitIdle(java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (inFlight) {
            while (inFlight[0] > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                inFlight.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Validates deposited CDA with the ANS kit at this directory rather than the one found in the environment (before start). */
    public DmpSimulator withKit(Path kit) {
        this.content = DmpContentCheck.of(kit);
        return this;
    }

    /** Whether deposited CDA documents are validated with the ANS kit (schema, volet, structuration minimale). */
    public boolean validatesContent() {
        return content.active();
    }

    /** CDA documents validated so far, and the mean validation time per document in milliseconds (DMP bench). */
    public long contentValidations() {
        return content.validations();
    }

    /** What the kit's body profiles said of the last deposited document (answered as registry warnings). */
    public List<String> lastContentWarnings() {
        return content.lastWarnings();
    }

    public double meanContentValidationMillis() {
        return content.meanMillis();
    }

    /** Documents registered (signature entries excluded). */
    public long registeredCount() {
        return responder.registered.get();
    }

    /** Submissions refused because their uniqueId was already registered. */
    public long duplicateRefusals() {
        return responder.duplicatesRefused.get();
    }

    /**
     * The next {@code count} requests to the repository (ITI-41 in a feeding run) are processed, the document
     * registered, but answered by closing the connection, whatever other requests come in between.
     */
    public void loseDepositAnswers(int count) {
        depositAnswersToLose.set(count);
    }

    /** Answers lost on purpose so far ({@link #loseAnswers}, {@link #loseDepositAnswers}): processed, never heard back. */
    public long lostAnswers() {
        return answersLost.get();
    }

    /**
     * How many documents the DMP holds under each uniqueId, over every person: the count a test of exactly-once
     * delivery reads (1 per deposited document; a replacement has a uniqueId of its own).
     */
    public Map<String, Integer> storedByUniqueId() {
        return responder.store().countByUniqueId();
    }

    public int storedDocuments() {
        return responder.store().documentCount();
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
        return baseUrl() + "/{patients,registry,repository} (SOAP 1.2 + MTOM, mutual TLS, signed VIHF; " + content.describe() + ")";
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
}
