package fr.duiconnect.harness.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;
import fr.duiconnect.harness.faults.FaultSwitch;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;

/**
 * Hosts a HAPI plain FHIR server ({@link RestfulServer}) on Jetty 12 (ee10) for a simulator: loopback only, a
 * free port, HTTPS with a server certificate of the test PKI, servlet filters in front (bearer token, faults), and the
 * fault switch's {@link fr.duiconnect.harness.faults.FaultKind#TLS_FAILURE} applied to the next new connection's handshake.
 */
public final class FhirServerHost implements AutoCloseable {

    private final Server server;
    private final URI base;

    private FhirServerHost(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    /**
     * @param tls the server's TLS context (certificate of the test PKI), or null for plain HTTP on loopback
     * @param path        context path of the FHIR base, e.g. {@code /fhir}
     * @param faults      the simulator's fault switch, asked before each TLS handshake
     */
    public static FhirServerHost start(RestfulServer fhir, SSLContext tls, String path, List<Filter> filters, FaultSwitch faults) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("fhir-sim");
        Server server = new Server(threads);
        ServerConnector connector;
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (tls != null) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server factory = new SslContextFactory.Server() {
                @Override
                public void customize(SSLEngine engine) {
                    super.customize(engine);
                    if (faults.failsNextHandshake()) {
                        engine.setEnabledCipherSuites(new String[] {FaultSwitch.NO_USABLE_SUITE});
                    }
                }
            };
            factory.setSslContext(tls);
            // a structure's client certificate, when presented, is compared with its token's structure (FhirGate)
            factory.setWantClientAuth(true);
            factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            connector = new ServerConnector(server, new SslConnectionFactory(factory, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost("127.0.0.1");
        connector.setAcceptedTcpNoDelay(true);   // Jetty's default, stated: a simulator never holds a response for Nagle
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        for (Filter filter : filters) {
            context.addFilter(new FilterHolder(filter), path + "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        ServletHolder holder = new ServletHolder(fhir);
        context.addServlet(holder, path + "/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("the FHIR simulator could not start: " + e.getMessage(), e);
        }
        URI base = URI.create((tls != null ? "https" : "http") + "://127.0.0.1:" + connector.getLocalPort() + path);
        return new FhirServerHost(server, base);
    }

    /** The server TLS context of a simulator: its certificate from the test PKI. */
    public static SSLContext serverTls(fr.duiconnect.harness.pki.TestPki pki, String name) {
        return new fr.duiconnect.core.config.TlsConfig(pki.trustStore(), pki.issueServer(name).keyStore(), null, null).sslContext();
    }

    /** The FHIR base URL, e.g. {@code https://127.0.0.1:41234/fhir}. */
    public URI baseUrl() {
        return base;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the FHIR simulator did not stop: " + e.getMessage(), e);
        }
    }
}
