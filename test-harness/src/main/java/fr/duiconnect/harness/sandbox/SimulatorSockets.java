package fr.duiconnect.harness.sandbox;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/**
 * How the simulators listen: on loopback, with Nagle's algorithm off, so that a response written in two pieces
 * (headers, then body) is not held ~40 ms for the client's delayed ACK — a simulator must never be what a benchmark
 * measures. Also names the simulators' threads, so that a benchmark can tell their CPU time from the connector's.
 */
public final class SimulatorSockets {

    /**
     * The JDK HTTP server reads TCP_NODELAY from this System property once, when its configuration class loads, and
     * has no per-server setting (nor a hook on the accepted channel). The simulators are test tooling and the product
     * never uses the JDK HTTP server, so it is set here, before the first simulator's server is created, unless the
     * user chose otherwise ({@code -Dsun.net.httpserver.nodelay=false} measures the simulators with Nagle on).
     */
    static final String JDK_NODELAY = "sun.net.httpserver.nodelay";

    /** Name prefixes of every thread a simulator runs (its executors, the JDK server's dispatcher, Jetty's pool). */
    private static final List<String> THREAD_PREFIXES = List.of("dmp-simulator", "insi-simulator", "fhir-sim", "mssante-",
            "HTTP-Dispatcher", "sim-");

    private SimulatorSockets() {
    }

    /** An HTTPS server on a free loopback port, TCP nodelay on (see {@link #JDK_NODELAY}). */
    public static HttpsServer https(int backlog) throws IOException {
        noDelayForJdkServers();
        return HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
    }

    /** A plain HTTP server on a free loopback port, TCP nodelay on. */
    public static HttpServer http(int backlog) throws IOException {
        noDelayForJdkServers();
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
    }

    /** For the simulators that accept sockets themselves (SMTP, IMAP). */
    public static void noDelay(Socket accepted) throws SocketException {
        accepted.setTcpNoDelay(true);
    }

    /** Whether JDK HTTP servers created now have Nagle off (false when the user turned it off or it was read before). */
    public static boolean jdkServersNoDelay() {
        return Boolean.parseBoolean(System.getProperty(JDK_NODELAY));
    }

    /** Whether this thread belongs to a simulator (benchmarks count its CPU time apart from the connector's). */
    public static boolean isSimulatorThread(String name) {
        return name != null && THREAD_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static synchronized void noDelayForJdkServers() {
        if (System.getProperty(JDK_NODELAY) == null) {
            System.setProperty(JDK_NODELAY, "true");
        }
    }
}
