package fr.duiconnect.harness.fhir;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * A request whose body was read once (bounded) so that it can be kept on disk for {@code sandbox start --record}
 * and still be read by the FHIR server.
 */
final class RecordedRequest extends HttpServletRequestWrapper {

    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final byte[] body;

    RecordedRequest(HttpServletRequest request) throws IOException {
        super(request);
        this.body = request.getInputStream().readNBytes(MAX_BODY);
    }

    /** Writes the request line, headers and body to {@code NNNNN-request.txt} in the directory. */
    void save(Path directory, long number) throws IOException {
        StringBuilder head = new StringBuilder().append(getMethod()).append(' ').append(getRequestURI())
                .append(getQueryString() == null ? "" : "?" + getQueryString()).append('\n');
        for (String name : Collections.list(getHeaderNames())) {
            String value = name.equalsIgnoreCase("Authorization") ? "Bearer ***" : getHeader(name);
            head.append(name).append(": ").append(value).append('\n');
        }
        head.append('\n');
        byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        Files.write(directory.resolve(String.format("%05d-request.txt", number)), all);
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException("blocking reads only"); }
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] buffer, int offset, int length) { return in.read(buffer, offset, length); }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
