package fr.duiconnect.harness.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import fr.duiconnect.harness.sandbox.SimulatorSockets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small admin HTTP API on loopback to switch faults while the sandbox runs:
 * <pre>
 *   GET    /faults                      the fault of every service
 *   PUT    /faults/{service}?fault=HTTP_503:3     (or LATENCY:5@2000, SMTP_451, ...)
 *   DELETE /faults/{service}
 * </pre>
 * It listens on 127.0.0.1 only and changes nothing but the simulators' fault switches.
 */
public final class FaultAdminServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, FaultSwitch> switches;

    private FaultAdminServer(HttpServer server, Map<String, FaultSwitch> switches) {
        this.server = server;
        this.switches = switches;
    }

    public static FaultAdminServer start(Map<String, FaultSwitch> switches) throws IOException {
        HttpServer server = SimulatorSockets.http(16);
        FaultAdminServer admin = new FaultAdminServer(server, new TreeMap<>(switches));
        server.createContext("/faults", admin::handle);
        server.start();
        return admin;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/faults");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String service = path.length() > "/faults/".length() ? path.substring("/faults/".length()) : null;
            String method = exchange.getRequestMethod();
            if (service == null) {
                if (!method.equals("GET")) {
                    reply(exchange, 405, "only GET on /faults\n");
                    return;
                }
                StringBuilder body = new StringBuilder();
                switches.forEach((name, faults) -> body.append(name).append(": ").append(faults).append('\n'));
                reply(exchange, 200, body.toString());
                return;
            }
            FaultSwitch faults = switches.get(service);
            if (faults == null) {
                reply(exchange, 404, "no simulator named " + service + "; known: " + switches.keySet() + "\n");
                return;
            }
            switch (method) {
                case "PUT", "POST" -> {
                    String query = exchange.getRequestURI().getQuery();
                    if (query == null || !query.startsWith("fault=")) {
                        reply(exchange, 400, "give ?fault=KIND[:count][@latencyMs]\n");
                        return;
                    }
                    try {
                        Fault fault = Fault.parse(query.substring("fault=".length()));
                        faults.set(fault);
                        reply(exchange, 200, service + ": " + faults + "\n");
                    } catch (IllegalArgumentException e) {
                        reply(exchange, 400, "not a fault: " + e.getMessage() + "; kinds: " + java.util.Arrays.toString(FaultKind.values()) + "\n");
                    }
                }
                case "DELETE" -> {
                    faults.clear();
                    reply(exchange, 200, service + ": none\n");
                }
                case "GET" -> reply(exchange, 200, service + ": " + faults + "\n");
                default -> reply(exchange, 405, "GET, PUT or DELETE\n");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
