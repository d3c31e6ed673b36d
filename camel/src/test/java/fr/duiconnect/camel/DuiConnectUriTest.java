package fr.duiconnect.camel;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a {@code dui-connect:} URI may say, and the clear errors for what it may not; where the component finds its connector. */
class DuiConnectUriTest {

    @RegisterExtension
    static SandboxExtension sandbox = SandboxExtension.of(ServiceSocle.INS);

    CamelContext vendor;

    @BeforeEach
    void vendorContext() {
        vendor = new DefaultCamelContext();
        vendor.addComponent("dui-connect", new DuiConnectComponent(sandbox.connector()));
        vendor.start();
    }

    @AfterEach
    void stop() throws Exception {
        vendor.close();
    }

    private static Throwable root(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void anUnknownOperationIsRefusedNamingTheEndpointsThatExist() {
        assertThatThrownBy(() -> vendor.getEndpoint("dui-connect:dmp/delete"))
                .satisfies(e -> assertThat(root(e)).hasMessageContaining("dui-connect:dmp/delete names no endpoint")
                        .hasMessageContaining("producers: dmp/deposit, dmp/replace").hasMessageContaining("consumers: mssante/inbox"));
    }

    @Test
    void aMisspelledOptionIsRefusedByName() {
        assertThatThrownBy(() -> vendor.getEndpoint("dui-connect:dmp/deposit?awaitStat=ACKED"))
                .hasMessageContaining("awaitStat");
    }

    @Test
    void onlyJournaledProducersWait() {
        assertThatThrownBy(() -> vendor.getEndpoint("dui-connect:ins/search?awaitState=ACKED"))
                .satisfies(e -> assertThat(root(e)).hasMessageContaining("awaitState: dui-connect:ins/search is not journaled"));
    }

    @Test
    void awaitStateIsSentOrAcked() {
        assertThatThrownBy(() -> vendor.getEndpoint("dui-connect:dmp/deposit?awaitState=FAILED"))
                .satisfies(e -> assertThat(root(e)).hasMessageContaining("awaitState: SENT or ACKED"));
    }

    @Test
    void awaitOptionsAreTypedFromTheUri() {
        DuiConnectEndpoint endpoint = vendor.getEndpoint("dui-connect:dmp/deposit?awaitState=ACKED&awaitTimeout=PT45S", DuiConnectEndpoint.class);
        assertThat(endpoint.getConfiguration().getAwaitState()).isEqualTo(OperationState.ACKED);
        assertThat(endpoint.getConfiguration().getAwaitTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(endpoint.getOperation()).isEqualTo(DuiConnectOperation.DMP_DEPOSIT);
    }

    @Test
    void theNotesConsumerNeedsThePersonsToFollow() {
        assertThatThrownBy(() -> vendor.getEndpoint("dui-connect:eparcours/notes"))
                .satisfies(e -> assertThat(root(e)).hasMessageContaining("followed: dui-connect:eparcours/notes needs the persons to follow"));
    }

    @Test
    void anUnknownStateFilterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> vendor.getEndpoint("dui-connect:operations?states=DONE"))
                .satisfies(e -> assertThat(root(e)).hasMessageContaining("states").hasMessageContaining("DONE"));
    }

    @Test
    void aConsumerCannotBeSentTo() {
        assertThatThrownBy(() -> vendor.createProducerTemplate().sendBody("dui-connect:operations", "x"))
                .satisfies(e -> assertThat(root(e)).hasMessageContaining("dui-connect:operations is a consumer"));
    }

    @Test
    void aProducerCannotStartARoute() {
        assertThatThrownBy(() -> vendor.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dui-connect:dmp/deposit").to("direct:never");
            }
        })).satisfies(e -> assertThat(root(e)).hasMessageContaining("dui-connect:dmp/deposit is a producer"));
    }

    @Test
    void withoutAConnectorTheComponentSaysWhereToPutOne() throws Exception {
        try (CamelContext bare = new DefaultCamelContext()) {
            bare.start();
            assertThatThrownBy(() -> bare.getEndpoint("dui-connect:ins/search"))
                    .satisfies(e -> assertThat(root(e)).hasMessageContaining("no DuiConnector for the dui-connect component"));
        }
    }

    @Test
    void theOneConnectorBeanOfTheRegistryIsFoundWithoutConfiguringTheComponent(DuiConnector connector) throws Exception {
        try (CamelContext discovered = new DefaultCamelContext()) {
            discovered.getRegistry().bind("connector", connector);
            discovered.start();
            DuiConnectEndpoint endpoint = discovered.getEndpoint("dui-connect:ins/search", DuiConnectEndpoint.class);
            assertThat(endpoint.getConfiguration().getConnector()).isSameAs(connector);
        }
    }

    @Test
    void routesContributedToTheConnectorsOwnContextUseTheComponentThere(DuiConnector connector) {
        InsPersona persona = InsPersona.ALL.get(1);
        PersonIdentity arriving = PersonIdentity.provisional(persona.localId(), persona.identity().traits());
        InsSearchResult found = OwnContextRoutes.of(connector).requestBody(OwnContextRoutes.ENTRY,
                InsSearchRequest.of(arriving, Sandbox.TEST_FINESS), InsSearchResult.class);
        assertThat(found.found()).isTrue();
        assertThat(found.ins().matricule()).isEqualTo(persona.ins().matricule());
    }
}
