package fr.duiconnect.camel;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.dmp.DmpDeposit;
import fr.duiconnect.core.dmp.DmpDocumentEntry;
import fr.duiconnect.core.dmp.DmpSearch;
import fr.duiconnect.core.dmp.NonOpposition;
import fr.duiconnect.core.dmp.content.GeneratedCda;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.dmp.DmpPersonas;
import fr.duiconnect.harness.dmp.DmpSimulator;
import fr.duiconnect.harness.dmp.SampleResident;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Producers answer with the public API's records and fail with its typed exceptions, set on the exchange as they are. */
class DuiConnectProducerErrorsTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.DMP);

    static final NonOpposition RECORDED = NonOpposition.recorded(Instant.parse("2026-11-01T09:00:00Z"), "IDEC");

    static CamelContext vendor;
    static ProducerTemplate template;

    @BeforeAll
    static void vendorContext() {
        vendor = new DefaultCamelContext();
        vendor.addComponent("dui-connect", new DuiConnectComponent(sandbox.connector()));
        vendor.start();
        template = vendor.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        vendor.close();
    }

    private static DmpDeposit dluOf(PersonIdentity person) {
        GeneratedCda dlu = sandbox.connector().dmp().writeDlu(SampleResident.forPerson(person), null);
        return DmpDeposit.of(dlu.xml(), person, RECORDED);
    }

    @Test
    void aDepositIsJournaledAndItsReceiptReturnedAtOnceThenOnlyOnceForTheSameDocument(DmpSimulator dmp) {
        DmpDeposit deposit = dluOf(SampleResident.load().person());

        Exchange first = template.send("dui-connect:dmp/deposit", exchange -> exchange.getMessage().setBody(deposit));
        Exchange second = template.send("dui-connect:dmp/deposit", exchange -> exchange.getMessage().setBody(deposit));

        OperationReceipt receipt = first.getMessage().getBody(OperationReceipt.class);
        assertThat(first.getMessage().getHeaders()).containsEntry(DuiConnectConstants.OPERATION_ID, receipt.operationId())
                .containsEntry(DuiConnectConstants.OPERATION_STATE, OperationState.PENDING)
                .containsEntry(DuiConnectConstants.ALREADY_ACCEPTED, false);
        assertThat(second.getMessage().getHeader(DuiConnectConstants.OPERATION_ID, UUID.class)).isEqualTo(receipt.operationId());
        assertThat(second.getMessage().getHeader(DuiConnectConstants.ALREADY_ACCEPTED, Boolean.class)).isTrue();
        String uniqueId = sandbox.connector().operations().awaitFinal(receipt.operationId(), java.time.Duration.ofSeconds(60)).remoteReference();
        assertThat(dmp.storedByUniqueId()).containsEntry(uniqueId, 1);
        List<?> found = template.requestBody("dui-connect:dmp/search", DmpSearch.approvedDocumentsOf(deposit.person()), List.class);
        assertThat(found).map(entry -> ((DmpDocumentEntry) entry).uniqueId()).contains(uniqueId);
    }

    @Test
    void aDepositForAnIdentityNotQualifiedIsRefusedWithTheIdentityExceptionItself() {
        PersonIdentity qualified = SampleResident.load().person();
        PersonIdentity provisional = PersonIdentity.provisional(qualified.localId(), qualified.traits());
        DmpDeposit deposit = DmpDeposit.of(dluOf(qualified).cda(), provisional, RECORDED);

        Exchange refused = template.send("dui-connect:dmp/deposit", exchange -> exchange.getMessage().setBody(deposit));

        assertThat(refused.getException()).isExactlyInstanceOf(IdentityRefusedException.class);
        assertThat(refused.getMessage().getHeaders()).doesNotContainKey(DuiConnectConstants.OPERATION_ID);
    }

    @Test
    void aDepositTheDmpRefusesComesOutAsTheRecordedCodeWhenAwaited() {
        Exchange failed = template.send("dui-connect:dmp/deposit?awaitState=ACKED&awaitTimeout=PT60S",
                exchange -> exchange.getMessage().setBody(dluOf(DmpPersonas.personWithoutDmp())));

        assertThat(failed.getException()).isInstanceOf(RemoteServiceException.class);
        assertThat(((DuiConnectException) failed.getException()).code()).isEqualTo("DMP-ABSENT");
        assertThat(failed.getMessage().getHeader(DuiConnectConstants.OPERATION_STATE)).isEqualTo(OperationState.FAILED);
    }

    @Test
    void aReplacementWithoutThePreviousUniqueIdIsRefusedNamingTheHeader() {
        Exchange refused = template.send("dui-connect:dmp/replace",
                exchange -> exchange.getMessage().setBody(dluOf(SampleResident.load().person())));

        assertThat(refused.getException()).isExactlyInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refused.getException()).field()).contains(DuiConnectConstants.REPLACES_UNIQUE_ID);
    }

    @Test
    void aBodyOfAnotherTypeIsRefusedNamingTheTypeExpected() {
        Exchange refused = template.send("dui-connect:dmp/deposit", exchange -> exchange.getMessage().setBody(Map.of("cda", "x")));

        assertThat(refused.getException()).isInstanceOf(InvalidPayloadException.class).hasMessageContaining("DmpDeposit");
    }
}
