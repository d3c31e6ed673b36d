package fr.duiconnect.harness.faults;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultSwitchTest {

    @Test
    void aFaultIsParsedFromKindCountAndLatency() {
        assertThat(Fault.parse("HTTP_503:3")).isEqualTo(Fault.times(FaultKind.HTTP_503, 3));
        assertThat(Fault.parse("latency:5@2000")).isEqualTo(Fault.latency(Duration.ofSeconds(2), 5));
        assertThat(Fault.parse("SMTP_451")).isEqualTo(Fault.always(FaultKind.SMTP_451));
        assertThatThrownBy(() -> Fault.parse("HTTP_418")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountedFaultHitsThatManyRequestsThenTheSimulatorBehaves() {
        FaultSwitch faults = new FaultSwitch();
        faults.set(Fault.times(FaultKind.HTTP_500, 2));
        assertThat(faults.nextRequest()).isPresent();
        assertThat(faults.nextRequest()).isPresent();
        assertThat(faults.nextRequest()).isEmpty();
        assertThat(faults.injectedCount()).isEqualTo(2);
    }

    @Test
    void anOpenEndedFaultLastsUntilCleared() {
        FaultSwitch faults = new FaultSwitch();
        faults.set(Fault.always(FaultKind.CONNECTION_RESET));
        for (int i = 0; i < 5; i++) {
            assertThat(faults.nextRequest()).isPresent();
        }
        faults.clear();
        assertThat(faults.nextRequest()).isEmpty();
    }

    @Test
    void aTlsFailureWaitsForTheNextHandshakeRequestsOnAnOpenConnectionNeitherFailNorUseItUp() {
        FaultSwitch faults = new FaultSwitch();
        faults.set(Fault.times(FaultKind.TLS_FAILURE, 1));
        assertThat(faults.nextRequest()).isEmpty();
        assertThat(faults.nextRequest()).isEmpty();
        assertThat(faults.failsNextHandshake()).isTrue();
        assertThat(faults.failsNextHandshake()).as("one handshake failed, as counted").isFalse();
        assertThat(faults.injectedCount()).isEqualTo(1);
    }

    @Test
    void aFaultOfAnotherProtocolWaitsForItsProtocolOnASharedSwitch() {
        FaultSwitch operator = new FaultSwitch();
        operator.set(Fault.times(FaultKind.SMTP_451, 1));
        assertThat(operator.nextRequest(java.util.EnumSet.of(FaultKind.IMAP_DISCONNECT, FaultKind.CONNECTION_RESET))).as("an IMAP poll").isEmpty();
        assertThat(operator.nextRequest(java.util.EnumSet.of(FaultKind.SMTP_451, FaultKind.CONNECTION_RESET))).as("the SMTP transaction")
                .contains(Fault.times(FaultKind.SMTP_451, 1));
    }

    @Test
    void atRandomAboutTheGivenShareOfRequestsMeetsAFaultOfEachKindCountedPerKind() {
        FaultSwitch faults = new FaultSwitch();
        faults.injectAtRandom(List.of(Fault.always(FaultKind.HTTP_500), Fault.always(FaultKind.HTTP_503)), 0.2, 42);
        int hit = 0;
        for (int i = 0; i < 10_000; i++) {
            hit += faults.nextRequest().isPresent() ? 1 : 0;
        }
        assertThat(hit).isBetween(1_800, 2_200);
        assertThat(faults.injectedByKind()).containsOnlyKeys(FaultKind.HTTP_500, FaultKind.HTTP_503)
                .allSatisfy((kind, count) -> assertThat(count).isBetween(800L, 1_200L));
        assertThat(faults.injectedCount()).isEqualTo(hit);
    }

    @Test
    void atRandomTheSameSeedDrawsTheSameFaultsInTheSameOrder() {
        List<Fault> kinds = List.of(Fault.always(FaultKind.HTTP_500), Fault.always(FaultKind.CONNECTION_RESET), Fault.always(FaultKind.SOAP_FAULT));
        FaultSwitch one = new FaultSwitch();
        FaultSwitch other = new FaultSwitch();
        one.injectAtRandom(kinds, 0.3, 7);
        other.injectAtRandom(kinds, 0.3, 7);
        for (int i = 0; i < 200; i++) {
            assertThat(one.nextRequest()).isEqualTo(other.nextRequest());
        }
    }

    @Test
    void atRandomATlsFailureIsOnlyEverAHandshakesAndAProtocolOnlyMeetsItsOwnKinds() {
        FaultSwitch operator = new FaultSwitch();
        operator.injectAtRandom(List.of(Fault.always(FaultKind.TLS_FAILURE), Fault.always(FaultKind.SMTP_451)), 1.0, 1);
        assertThat(operator.nextRequest(java.util.EnumSet.of(FaultKind.IMAP_DISCONNECT))).as("an IMAP session").isEmpty();
        assertThat(operator.nextRequest(java.util.EnumSet.of(FaultKind.SMTP_451))).contains(Fault.always(FaultKind.SMTP_451));
        int failedHandshakes = 0;
        for (int i = 0; i < 1_000; i++) {
            failedHandshakes += operator.failsNextHandshake() ? 1 : 0;
        }
        assertThat(failedHandshakes).as("rate / kinds: about half").isBetween(400, 600);
        assertThat(operator.injectedByKind()).containsKeys(FaultKind.TLS_FAILURE, FaultKind.SMTP_451);
    }

    @Test
    void theAdminApiSwitchesFaultsOnLoopback() throws Exception {
        FaultSwitch dmp = new FaultSwitch();
        try (FaultAdminServer admin = FaultAdminServer.start(Map.of("dmp", dmp))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create(admin.uri() + "/dmp?fault=HTTP_503:3");
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(dmp.peek()).contains(Fault.times(FaultKind.HTTP_503, 3));

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(admin.uri() + "/nope?fault=HTTP_500"))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(404);

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(admin.uri() + "/dmp?fault=TEAPOT"))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);

            http.send(HttpRequest.newBuilder(URI.create(admin.uri() + "/dmp")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(dmp.peek()).isEmpty();
            assertThat(admin.uri().getHost()).isEqualTo("127.0.0.1");
        }
    }
}
