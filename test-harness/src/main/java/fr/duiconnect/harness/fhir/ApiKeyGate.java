package fr.duiconnect.harness.fhir;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/** The Annuaire Santé gateway's check: a request without the expected ESANTE-API-KEY header gets 401. */
final class ApiKeyGate implements Filter {

    static final String HEADER = "ESANTE-API-KEY";

    private final Supplier<String> expected;

    ApiKeyGate(Supplier<String> expected) {
        this.expected = expected;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String given = ((HttpServletRequest) req).getHeader(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(401);
            response.setContentType("application/fhir+json");
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\",\"diagnostics\":\""
                    + (given == null ? "no " + HEADER + " header" : "the " + HEADER + " is not valid") + "\"}]}");
            return;
        }
        chain.doFilter(req, res);
    }
}
