package fr.duiconnect.harness.hostile;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.junit.LogCapture;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An INSi peer that dribbles, floods or garbles its answer: each ends the search with one typed error, in time, with
 * no stack trace above DEBUG (issue #19 points 2 and 7).
 */
class HostileInsiPeerTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.INS);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private static final String OK_ENVELOPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
            + "<RESULTAT xmlns=\"http://www.cnamts.fr/insiResultat\"><CR><CodeCR>01</CodeCR><LibelleCR>Aucune identite trouvee</LibelleCR></CR>"
            + "</RESULTAT></soap:Body></soap:Envelope>";

    private static final InsSearchRequest ADRUN = InsSearchRequest.of(new PersonIdentity("IPP-1",
            new IdentityTraits("ADRUN", List.of("ZOE"), null, null, Sex.F, LocalDate.parse("1975-12-31"), "63220"),
            null, IdentityStatus.PROV, Set.of()), Sandbox.TEST_FINESS);

    private static DuiConnectException searchFails(HostilePeer peer, Map<String, String> more) {
        Map<String, String> overrides = new java.util.HashMap<>(more);
        overrides.put("dui.ins.url", peer.url("/insi").toString());
        try (DuiConnector connector = DuiConnector.builder().config(SANDBOX.sandbox().connectorConfigWith(overrides)).build()) {
            connector.ins().search(ADRUN);
        } catch (DuiConnectException e) {
            return e;
        }
        throw new AssertionError("the search should have failed");
    }

    @Test
    @Timeout(60)
    void anAnswerDribbledOneByteEveryTwoSecondsEndsAtConnectPlusRead_CORE_TIMEOUT() {
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(),
                Misbehaviour.drip(Misbehaviour.soap12(OK_ENVELOPE), Duration.ofSeconds(2)))) {
            long start = System.nanoTime();
            DuiConnectException error = searchFails(peer, Map.of("dui.ins.timeout.connect", "PT2S", "dui.ins.timeout.read", "PT5S"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(error.code()).isEqualTo("CORE-TIMEOUT");
            assertThat(error.retryable()).isTrue();
            assertThat(error.getMessage()).contains("did not complete within PT7S");
            assertThat(took).isLessThan(Duration.ofSeconds(12));   // 7 s budget, plus connector start and stop
        }
    }

    @Test
    @Timeout(60)
    void anAnswerOfTwoHundredMegabytesIsRefusedPastItsCap_INS_INSI_RESPONSE() {
        String prefix = "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>";
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(), Misbehaviour.huge(200,
                "application/soap+xml; charset=UTF-8", prefix, 200_000_000L, "</soap:Body></soap:Envelope>"))) {
            DuiConnectException error = searchFails(peer, Map.of("dui.ins.option.max-answer-bytes", "100000"));

            assertThat(error.code()).as(error.getMessage()).isEqualTo("INS-INSI-RESPONSE");
            assertThat(error.getMessage()).contains("exceeds 100000 bytes");
        }
    }

    @Test
    @Timeout(60)
    void aSoapFaultWithAFiftySixMegabyteReasonIsRefusedPastTheDefaultCap_INS_INSI_RESPONSE() {
        String prefix = "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
                + "<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">";
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(), Misbehaviour.huge(500,
                "application/soap+xml; charset=UTF-8", prefix, 56_000_000L, "</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>"))) {
            DuiConnectException error = searchFails(peer, Map.of());

            assertThat(error.code()).as(error.getMessage()).isEqualTo("INS-INSI-RESPONSE");
            assertThat(error.getMessage()).contains("exceeds 1048576 bytes").hasSizeLessThan(300);
        }
    }

    @Test
    @Timeout(60)
    void anHtmlErrorPageIsOneTypedLineWithItsFirstCharacters_INS_INSI_RESPONSE() {
        String page = "<html><head><title>502 Bad Gateway</title></head><body>" + "proxy ".repeat(200) + "</body></html>";
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(), Misbehaviour.answer(
                new Misbehaviour.Answer(200, "application/soap+xml; charset=UTF-8", page.getBytes())))) {
            DuiConnectException error = searchFails(peer, Map.of());

            assertThat(error.code()).as(error.getMessage()).isEqualTo("INS-INSI-RESPONSE");
            assertThat(error.getMessage()).doesNotContain("\n").contains("<html><head><title>502 Bad Gateway").hasSizeLessThan(400);
            assertNoStackTraceAboveDebug();
        }
    }

    @Test
    @Timeout(60)
    void aTruncatedEnvelopeIsOneTypedLine_INS_INSI_RESPONSE() {
        try (HostilePeer peer = HostilePeer.start(SANDBOX.sandbox().pki(),
                Misbehaviour.answer(Misbehaviour.soap12(OK_ENVELOPE.substring(0, 150))))) {
            DuiConnectException error = searchFails(peer, Map.of());

            assertThat(error.code()).as(error.getMessage()).isEqualTo("INS-INSI-RESPONSE");
            assertThat(error.getMessage()).doesNotContain("\n").contains("soap:Envelope");
            assertNoStackTraceAboveDebug();
        }
    }

    private void assertNoStackTraceAboveDebug() {
        assertThat(logs.linesAboveDebug()).noneMatch(line -> line.contains("\tat ") || line.contains("\n"));
    }
}
