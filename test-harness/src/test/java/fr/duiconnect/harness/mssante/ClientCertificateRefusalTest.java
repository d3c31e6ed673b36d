package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.config.TlsConfig;
import fr.duiconnect.harness.faults.FaultSwitch;
import fr.duiconnect.harness.pki.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ECO.1.3.1: a client without an accepted certificate must hear the operator's TLS refusal. With TLS 1.3 the client
 * has finished its handshake and sent its first command before the server refuses its certificate; the refusal must
 * still reach it as a TLS alert (the connector's CORE-TLS, not retried), never as a cut connection (retried).
 */
class ClientCertificateRefusalTest {

    @TempDir
    static Path dir;

    @Test
    void a_client_that_speaks_first_after_the_handshake_still_reads_the_tls_refusal() throws Exception {
        TestPki pki = TestPki.generate(dir.resolve("pki"));
        ServerTls serverTls = new ServerTls(pki, pki.issueServer("server.p12"));
        FaultSwitch noFault = new FaultSwitch();
        try (Listener listener = new Listener("refusal", socket -> {
            try (LineChannel channel = new LineChannel(socket)) {
                serverTls.handshake(channel, true, noFault);
            }
        })) {
            TlsConfig withoutCertificate = pki.tlsTrustingThisPki();
            for (int i = 0; i < 40; i++) {
                try (SSLSocket client = (SSLSocket) withoutCertificate.sslContext().getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), listener.port())) {
                    client.setSoTimeout(10_000);
                    client.setEnabledProtocols(new String[] {"TLSv1.3"});
                    client.startHandshake();
                    OutputStream out = client.getOutputStream();
                    InputStream in = client.getInputStream();
                    assertThatThrownBy(() -> {
                        // As an SMTP client after STARTTLS: EHLO at once, then read the answer.
                        out.write("EHLO dui-connect.localdomain\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        in.read();
                    }).as("connection %d", i).isInstanceOf(SSLException.class);
                }
            }
        }
    }
}
