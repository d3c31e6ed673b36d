package fr.duiconnect.mssante.transport;

import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.mssante.MssanteErrorCode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The TLS of the MSSanté client interface: TLS 1.2 or 1.3 (ECO.1.1.1-2), for TLS 1.2 only the six suites of
 * ECO.1.1.3, peers verified against the configured IGC-Santé anchors only (ECO.1.1.10; the JDK store is never used)
 * and host name checked. One SSL context per client, built from the endpoint's {@link TlsConfig}; with a client key
 * it presents the ORG AUTH_CLI certificate (mutual TLS, ECO.1.3.1).
 */
public final class MssanteTls {

    /** ECO.1.1.3: 0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E. */
    public static final List<String> ECO_1_1_3_SUITES = List.of(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");

    /** TLS 1.3 suites (ECO.1.1.2 allows TLS 1.3 without restricting its suites). */
    public static final Set<String> TLS13_SUITES = Set.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256");

    private MssanteTls() {
    }

    /**
     * The suites to enable: the configured ones that ECO.1.1.3 (or TLS 1.3) allows; the core's defaults are
     * narrowed to the MSSanté list. Refuses a configuration that leaves none.
     */
    public static List<String> allowedSuites(TlsConfig tls) {
        List<String> result = new ArrayList<>();
        if (tls.cipherSuites().equals(TlsConfig.DEFAULT_CIPHER_SUITES)) {
            // The core's general default becomes the MSSanté list: TLS 1.3 suites and the six of ECO.1.1.3.
            result.addAll(TLS13_SUITES.stream().sorted().toList());
            result.addAll(ECO_1_1_3_SUITES);
            return List.copyOf(result);
        }
        for (String suite : tls.cipherSuites()) {
            if (ECO_1_1_3_SUITES.contains(suite) || TLS13_SUITES.contains(suite)) {
                result.add(suite);
            }
        }
        boolean tls12 = tls.protocols().contains("TLSv1.2");
        if (result.isEmpty() || (tls12 && result.stream().noneMatch(ECO_1_1_3_SUITES::contains) && !tls.protocols().contains("TLSv1.3"))) {
            throw new ConfigurationException("tls.cipher-suites", "[" + MssanteErrorCode.TLS_SUITES.code() + "] "
                    + MssanteErrorCode.TLS_SUITES.rule() + " (" + MssanteErrorCode.TLS_SUITES.reference() + ")");
        }
        return List.copyOf(result);
    }

    /** A socket factory whose every socket uses the configured context, protocols, suites and host name check. */
    public static SSLSocketFactory socketFactory(TlsConfig tls) {
        return socketFactory(tls, UnaryOperator.identity());
    }

    /** The same, handing every socket it makes to {@code created} (to put it under a deadline). */
    public static SSLSocketFactory socketFactory(TlsConfig tls, UnaryOperator<Socket> created) {
        SSLContext context = tls.sslContext();
        SSLParameters parameters = tls.sslParameters(context);
        List<String> supported = List.of(context.getSupportedSSLParameters().getCipherSuites());
        parameters.setCipherSuites(allowedSuites(tls).stream().filter(supported::contains).toArray(String[]::new));
        return new ConfiguredFactory(context.getSocketFactory(), parameters, created);
    }

    /** Applies the parameters to every socket it makes, including the ones layered over a plain socket by STARTTLS. */
    static final class ConfiguredFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;
        private final SSLParameters parameters;
        private final UnaryOperator<Socket> created;

        ConfiguredFactory(SSLSocketFactory delegate, SSLParameters parameters, UnaryOperator<Socket> created) {
            this.delegate = delegate;
            this.parameters = parameters;
            this.created = created;
        }

        private Socket configure(Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                ssl.setSSLParameters(parameters);
            }
            return created.apply(socket);
        }

        @Override public String[] getDefaultCipherSuites() { return parameters.getCipherSuites(); }
        @Override public String[] getSupportedCipherSuites() { return parameters.getCipherSuites(); }

        @Override public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return configure(delegate.createSocket(s, host, port, autoClose));
        }

        @Override public Socket createSocket() throws IOException {
            return configure(delegate.createSocket());
        }

        @Override public Socket createSocket(String host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return configure(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override public Socket createSocket(InetAddress host, int port) throws IOException {
            return configure(delegate.createSocket(host, port));
        }

        @Override public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return configure(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
