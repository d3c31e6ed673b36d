package fr.duiconnect.harness.mssante;

import fr.duiconnect.harness.faults.FaultSwitch;

import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.mssante.transport.MssanteTls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator side of TLS: the simulator's server certificate from the test PKI, TLS 1.2/1.3 with only the
 * ECO.1.1.3 suites (and TLS 1.3's), client certificates checked against the test PKI when required.
 */
final class ServerTls {

    private final SSLContext context;

    ServerTls(TestPki pki, IssuedCertificate server) {
        this.context = new TlsConfig(pki.trustStore(), server.keyStore(), null, null).sslContext();
    }

    SSLContext context() {
        return context;
    }

    /**
     * The server side of a TLS handshake on {@code channel}, after STARTTLS or from the first byte (implicit TLS); a
     * TLS_FAILURE fault makes it fail. False when there is no TLS session.
     */
    boolean handshake(LineChannel channel, boolean needClientCertificate, FaultSwitch faults) throws IOException {
        if (faults.failsNextHandshake()) {
            return false;
        }
        try {
            channel.startTls(context, parameters(needClientCertificate));
            return true;
        } catch (SSLException e) {
            return false;
        }
    }

    SSLParameters parameters(boolean needClientCertificate) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        List<String> suites = new ArrayList<>(MssanteTls.TLS13_SUITES);
        suites.addAll(MssanteTls.ECO_1_1_3_SUITES);
        List<String> supported = List.of(context.getSupportedSSLParameters().getCipherSuites());
        parameters.setCipherSuites(suites.stream().filter(supported::contains).toArray(String[]::new));
        parameters.setNeedClientAuth(needClientCertificate);
        return parameters;
    }
}
