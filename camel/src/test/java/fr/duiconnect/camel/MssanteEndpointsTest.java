package fr.duiconnect.camel;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.mssante.InboundMail;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dui-connect:mssante/send}, and the two consumers a mail goes through: {@code operations} sees it journaled,
 * sent, then acknowledged by the DSN that {@code mssante/inbox}'s poll reads; the inbox hands each new message once.
 */
class MssanteEndpointsTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.MSSANTE);

    static final BlockingQueue<OperationStatus> CHANGES = new LinkedBlockingQueue<>();
    static final BlockingQueue<InboundMail> RECEIVED = new LinkedBlockingQueue<>();
    static CamelContext vendor;
    static ProducerTemplate template;

    @BeforeAll
    static void vendorRoutes() throws Exception {
        vendor = new DefaultCamelContext();
        vendor.addComponent("dui-connect", new DuiConnectComponent(sandbox.connector()));
        vendor.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dui-connect:operations?kinds=mssante.send").routeId("vendor-follows-mails")
                        .process(exchange -> CHANGES.add(exchange.getMessage().getBody(OperationStatus.class)));
                from("dui-connect:mssante/inbox?delay=200").routeId("vendor-inbox")
                        .process(exchange -> RECEIVED.add(exchange.getMessage().getBody(InboundMail.class)));
            }
        });
        vendor.start();
        template = vendor.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        vendor.close();
    }

    private static MssanteMessage note(String to) {
        return MssanteMessage.builder().to(to).person(InsPersona.ALL.get(1).identity()).label("Nouvelles du résident")
                .body("Bonjour,\r\nrésident stable.").readReceipt(false).build();
    }

    private static <T> List<T> until(BlockingQueue<T> queue, Predicate<T> last) throws InterruptedException {
        List<T> seen = new ArrayList<>();
        while (seen.isEmpty() || !last.test(seen.get(seen.size() - 1))) {
            T next = queue.poll(60, TimeUnit.SECONDS);
            assertThat(next).as("what came after " + seen).isNotNull();
            seen.add(next);
        }
        return seen;
    }

    @Test
    void theOperationsConsumerSeesTheMailJournaledThenSentThenAcknowledgedByItsDsn() throws Exception {
        OperationStatus sent = template.requestBody("dui-connect:mssante/send?awaitState=SENT",
                note(MssanteOperatorSimulator.HOSPITAL_DOCTOR), OperationStatus.class);
        assertThat(sent.state()).isEqualTo(OperationState.SENT);

        UUID id = sent.operationId();
        List<OperationStatus> changes = until(CHANGES, status -> status.operationId().equals(id) && status.state().isFinal());
        assertThat(changes).filteredOn(status -> status.operationId().equals(id)).extracting(OperationStatus::state)
                .containsExactly(OperationState.PENDING, OperationState.SENT, OperationState.ACKED);
    }

    @Test
    void theInboxConsumerHandsANewMessageOverOnce() throws Exception {
        OperationStatus sent = template.requestBody("dui-connect:mssante/send?awaitState=SENT",
                note(MssanteOperatorSimulator.APP_MAILBOX), OperationStatus.class);
        String messageId = sent.remoteReference();

        until(RECEIVED, mail -> mail.messageId().equals(messageId));
        sandbox.connector().mssante().fetchInbox();
        assertThat(RECEIVED).noneMatch(mail -> mail.messageId().equals(messageId));
    }
}
