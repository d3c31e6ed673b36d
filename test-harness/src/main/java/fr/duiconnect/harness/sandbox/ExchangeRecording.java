package fr.duiconnect.harness.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code sandbox start --record} for the simulators on the JDK's HTTP server (INSi, DMP): each request as it came,
 * request line, headers and body, in one file, so an integrator sees exactly what the DUI sent. Credentials in an
 * Authorization header are masked.
 */
public final class ExchangeRecording {

    private ExchangeRecording() {
    }

    /** Writes {@code <name>} under {@code directory}: "METHOD /path", one "Name: value" line per header, a blank line, the body. */
    public static void save(Path directory, String name, HttpExchange exchange, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder().append(exchange.getRequestMethod()).append(' ').append(exchange.getRequestURI()).append('\n');
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        headers.forEach((header, values) -> values.forEach(value -> head.append(header).append(": ")
                .append(header.equalsIgnoreCase("Authorization") ? "***" : value).append('\n')));
        head.append('\n');
        ByteArrayOutputStream all = new ByteArrayOutputStream(head.length() + body.length);
        all.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        all.writeBytes(body);
        Files.write(directory.resolve(name), all.toByteArray());
    }
}
