package fr.duiconnect.harness.fhir;

import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultSwitch;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a simulated FHIR service does before the FHIR server sees a request: checks the bearer token (401 with an
 * OperationOutcome otherwise, RFC 6750) and applies the injected fault (HTTP 500/503, latency, a connection cut
 * mid-answer). Each token authenticates one structure (the sandbox's own, or one {@link #acceptStructureToken issued}
 * for another): a TLS client certificate of another structure than the token's is refused (403), and the providers
 * find the authenticated structure's FINESS in the request attribute {@link #STRUCTURE}.
 */
public final class FhirGate implements Filter {

    /** Request attribute: the FINESS of the structure the bearer token authenticates. */
    public static final String STRUCTURE = "fr.duiconnect.sandbox.structure";

    private final Supplier<String> expectedToken;
    private final String ownStructure;
    private final java.util.Map<String, String> structureTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, AtomicLong> requestsByStructure = new java.util.concurrent.ConcurrentHashMap<>();
    private final FaultSwitch faults;
    private final java.nio.file.Path recordDir;
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger writeAnswersToLose = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong answersLost = new AtomicLong();
    private final Object idle = new Object();
    private int inProgress;

    /** @param expectedToken the token to require, or a supplier of null to accept any request */
    public FhirGate(Supplier<String> expectedToken, FaultSwitch faults) {
        this(expectedToken, faults, null);
    }

    /** @param recordDir where to keep every request (sandbox {@code --record}; the bearer token is masked), or null */
    public FhirGate(Supplier<String> expectedToken, FaultSwitch faults, java.nio.file.Path recordDir) {
        this(expectedToken, null, faults, recordDir);
    }

    /** @param ownStructure the FINESS the sandbox's own token authenticates, or null */
    public FhirGate(Supplier<String> expectedToken, String ownStructure, FaultSwitch faults, java.nio.file.Path recordDir) {
        this.expectedToken = expectedToken;
        this.ownStructure = ownStructure;
        this.faults = faults;
        this.recordDir = recordDir;
    }

    public long requestCount() {
        return requests.get();
    }

    /** From now on {@code token} also authenticates the structure {@code finess}. */
    public void acceptStructureToken(String token, String finess) {
        structureTokens.put(token, finess);
    }

    /** Requests authenticated as the structure {@code finess} that the server went on to answer. */
    public long requestsFrom(String finess) {
        AtomicLong count = requestsByStructure.get(finess);
        return count == null ? 0 : count.get();
    }

    /**
     * Waits until every request received has been answered (a slow one under a latency fault, say), at most
     * {@code max}; true when none is left in progress.
     */
    public boolean awaitIdle(java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (inProgress > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        synchronized (idle) {
            inProgress++;
        }
        try {
            filter(req, res, chain);
        } finally {
            synchronized (idle) {
                if (--inProgress == 0) {
                    idle.notifyAll();
                }
            }
        }
    }

    private void filter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long number = requests.incrementAndGet();
        if (recordDir != null) {
            RecordedRequest recorded = new RecordedRequest(request);
            recorded.save(recordDir, number);
            request = recorded;
            req = recorded;
        }
        // A TLS failure is for the next handshake (FhirServerHost): nextRequest() leaves it set.
        Optional<Fault> fault = faults.nextRequest();
        if (fault.isPresent()) {
            switch (fault.get().kind()) {
                case HTTP_500, SOAP_FAULT -> {
                    outcome(response, 500, "exception", "simulated internal error");
                    return;
                }
                case HTTP_503 -> {
                    response.setHeader("Retry-After", "1");
                    outcome(response, 503, "transient", "simulated unavailability");
                    return;
                }
                case LATENCY -> pause(fault.get());
                case CONNECTION_RESET -> abortMidAnswer(response);
                default -> { }
            }
        }
        String token = expectedToken.get();
        if (token != null) {
            String authorization = request.getHeader("Authorization");
            String structure = structureOf(authorization, token);
            if (structure == null) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"dui-connect-sandbox\", error=\"invalid_token\"");
                outcome(response, 401, "login", authorization == null ? "no bearer token" : "the bearer token is not valid");
                return;
            }
            if (!structure.isEmpty()) {
                // as the DMP and INSi do: the TLS client certificate, when one is presented, is the token's structure's
                Optional<String> certified = clientCertificate(request).flatMap(fr.duiconnect.harness.pki.StructureCertificates::finessOf);
                if (certified.isPresent() && !certified.get().equals(structure)) {
                    outcome(response, 403, "forbidden", "la structure " + certified.get()
                            + " du certificat TLS n'est pas la structure du jeton (" + structure + ")");
                    return;
                }
                request.setAttribute(STRUCTURE, structure);
                requestsByStructure.computeIfAbsent(structure, f -> new AtomicLong()).incrementAndGet();
            }
        }
        if ("POST".equals(request.getMethod()) && writeAnswersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            chain.doFilter(req, new Unanswered(response));   // processed (a note stored), its answer dropped
            answersLost.incrementAndGet();
            abortMidAnswer(response);
        }
        chain.doFilter(req, res);
    }

    /** The structure {@code authorization} authenticates ("" for the sandbox's own token without a FINESS), or null. */
    private String structureOf(String authorization, String token) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String given = authorization.substring("Bearer ".length());
        if (given.equals(token)) {
            return ownStructure == null ? "" : ownStructure;
        }
        return structureTokens.get(given);
    }

    private static Optional<java.security.cert.X509Certificate> clientCertificate(HttpServletRequest request) {
        Object chain = request.getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof java.security.cert.X509Certificate[] certificates && certificates.length > 0
                ? Optional.of(certificates[0]) : Optional.empty();
    }

    /** Promises a body, sends part of it, then aborts: the client sees the connection end mid-answer. */
    private static void abortMidAnswer(HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(200);
        response.setContentType("application/fhir+json");
        response.setContentLength(4096);
        response.getOutputStream().write("{\"resourceType\":".getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        throw new IOException("simulated connection reset");
    }

    /**
     * The next {@code count} POST requests (a note's creation transaction) are processed, but answered by cutting the
     * connection mid-answer: the client cannot know whether the platform stored it. Reads are answered.
     */
    public void loseWriteAnswers(int count) {
        writeAnswersToLose.set(count);
    }

    /** POST answers lost so far ({@link #loseWriteAnswers}). */
    public long lostAnswers() {
        return answersLost.get();
    }

    /** A response whose body and status go nowhere: what the server answered to a request whose answer is lost. */
    private static final class Unanswered extends jakarta.servlet.http.HttpServletResponseWrapper {

        private final jakarta.servlet.ServletOutputStream nowhere = new jakarta.servlet.ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(jakarta.servlet.WriteListener listener) {
            }

            @Override
            public void write(int b) {
            }
        };

        Unanswered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            return nowhere;
        }

        @Override
        public java.io.PrintWriter getWriter() {
            return new java.io.PrintWriter(java.io.Writer.nullWriter());
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public void setStatus(int status) {
        }

        @Override
        public void sendError(int status, String message) {
        }

        @Override
        public void sendError(int status) {
        }
    }

    private static void pause(Fault fault) throws IOException {
        try {
            // The simulated slowness itself: the service answers late.
            Thread.sleep(fault.latency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** Writes a FHIR OperationOutcome answer. */
    public static void outcome(HttpServletResponse response, int status, String code, String diagnostics) throws IOException {
        response.setStatus(status);
        response.setContentType("application/fhir+json;charset=utf-8");
        String body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code
                + "\",\"diagnostics\":\"" + diagnostics.replace("\"", "'") + "\"}]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
