package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.mssante.transport.MssanteTls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
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
