package fr.duiconnect.harness.eprescription;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.eprescription.ImportOutcome;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.faults.TypedFailure;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One test per fault the prescription service simulator can be told to make. Retrieval is synchronous: each fault
 * becomes a typed error with its stable code, retryable when a later call can succeed (5xx, reset, timeout) and
 * final when it cannot (TLS); the DUI's next call then imports the prescription.
 */
class EPrescriptionFaultsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.EPRESCRIPTION);

    /** The first prescription generated for the second persona (the demo's resident). */
    private static final InsPersona RESIDENT = InsPersona.ALL.get(1);
    private static final String NUMBER = "SIM7000002";

    @AfterEach
    void clearFaults() {
        SANDBOX.sandbox().faults(ServiceSocle.EPRESCRIPTION).clear();
    }

    private static DuiConnectException retrievalUnder(Fault fault, DuiConnector connector) {
        return TypedFailure.under(SANDBOX.sandbox().faults(ServiceSocle.EPRESCRIPTION), fault, () -> connector.eprescription().retrieve(NUMBER));
    }

    private static void isATypedServiceErrorWorthRetrying(FaultKind kind, String status) {
        DuiConnectException error = retrievalUnder(Fault.times(kind, 1), SANDBOX.connector());
        assertThat(error.code()).isEqualTo("EPRESC-SERVICE-ERROR");
        assertThat(((RemoteServiceException) error).remoteCode()).contains(status);
        assertThat(error.retryable()).isTrue();
    }

    @Test
    void http500IsATypedServiceErrorWorthRetrying() {
        isATypedServiceErrorWorthRetrying(FaultKind.HTTP_500, "HTTP 500");
    }

    @Test
    void http503IsATypedServiceErrorWorthRetrying() {
        isATypedServiceErrorWorthRetrying(FaultKind.HTTP_503, "HTTP 503");
    }

    @Test
    void aConnectionCutMidAnswerIsUnreachableAndWorthRetrying() {
        DuiConnectException error = retrievalUnder(Fault.times(FaultKind.CONNECTION_RESET, 1), SANDBOX.connector());
        TypedFailure.assertTyped(error, "EPRESC-UNREACHABLE", true);
    }

    @Test
    void anAnswerLaterThanTheConfiguredReadTimeoutIsATypedTimeout() {
        try (DuiConnector impatient = DuiConnector.builder().config(SANDBOX.sandbox()
                .connectorConfigWith(Map.of("dui.eprescription.timeout.read", "PT0.3S"))).build()) {
            DuiConnectException error = retrievalUnder(Fault.latency(Duration.ofSeconds(2), 1), impatient);
            TypedFailure.assertTyped(error, "EPRESC-TIMEOUT", true);
        }
    }

    @Test
    void aFailedTlsHandshakeIsATypedTlsErrorNotRetried() {
        try (DuiConnector fresh = SANDBOX.newConnector()) {   // a new connection, hence a new handshake
            DuiConnectException error = retrievalUnder(Fault.times(FaultKind.TLS_FAILURE, 1), fresh);
            TypedFailure.assertTyped(error, "CORE-TLS", false);
        }
    }

    @Test
    void onceTheFaultIsSpentTheNextCallImportsThePrescription() {
        DuiConnectException error = retrievalUnder(Fault.times(FaultKind.HTTP_503, 1), SANDBOX.connector());
        assertThat(error.retryable()).isTrue();
        assertThat(SANDBOX.connector().eprescription().importPrescription(NUMBER, RESIDENT.identity()).outcome())
                .isIn(ImportOutcome.IMPORTED, ImportOutcome.ALREADY_IMPORTED);
    }

    @Test
    void theAdminApiSwitchesAFaultOnTheRunningSimulator() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI service = URI.create(SANDBOX.sandbox().faultAdminUri() + "/eprescription");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(service + "?fault=HTTP_503"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        DuiConnectException error = catchThrowableOfType(DuiConnectException.class,
                () -> SANDBOX.connector().eprescription().retrieve(NUMBER));
        assertThat(error).isNotNull().extracting(DuiConnectException::code).isEqualTo("EPRESC-SERVICE-ERROR");

        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(service).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(SANDBOX.connector().eprescription().retrieve(NUMBER).lines()).isNotEmpty();
    }
}
