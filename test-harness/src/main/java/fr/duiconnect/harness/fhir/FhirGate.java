package fr.duiconnect.harness.fhir;

import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
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
 * mid-answer).
 */
public final class FhirGate implements Filter {

    private final Supplier<String> expectedToken;
    private final FaultSwitch faults;
    private final java.nio.file.Path recordDir;
    private final AtomicLong requests = new AtomicLong();

    /** @param expectedToken the token to require, or a supplier of null to accept any request */
    public FhirGate(Supplier<String> expectedToken, FaultSwitch faults) {
        this(expectedToken, faults, null);
    }

    /** @param recordDir where to keep every request (sandbox {@code --record}; the bearer token is masked), or null */
    public FhirGate(Supplier<String> expectedToken, FaultSwitch faults, java.nio.file.Path recordDir) {
        this.expectedToken = expectedToken;
        this.faults = faults;
        this.recordDir = recordDir;
    }

    public long requestCount() {
        return requests.get();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        long number = requests.incrementAndGet();
        if (recordDir != null) {
            RecordedRequest recorded = new RecordedRequest(request);
            recorded.save(recordDir, number);
            request = recorded;
            req = recorded;
        }
        // A TLS failure is for the next handshake (FhirServerHost): a request on an open connection leaves it set.
        boolean handshakeFault = faults.peek().map(f -> f.kind() == FaultKind.TLS_FAILURE).orElse(false);
        Optional<Fault> fault = handshakeFault ? Optional.empty() : faults.nextRequest();
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
                case CONNECTION_RESET -> {
                    // Promise a body, send part of it, then abort: the client sees the connection end mid-answer.
                    response.setStatus(200);
                    response.setContentType("application/fhir+json");
                    response.setContentLength(4096);
                    response.getOutputStream().write("{\"resourceType\":".getBytes(StandardCharsets.UTF_8));
                    response.flushBuffer();
                    throw new IOException("simulated connection reset");
                }
                default -> { }
            }
        }
        String token = expectedToken.get();
        if (token != null) {
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.equals("Bearer " + token)) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"dui-connect-sandbox\", error=\"invalid_token\"");
                outcome(response, 401, "login", authorization == null ? "no bearer token" : "the bearer token is not valid");
                return;
            }
        }
        chain.doFilter(req, res);
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
