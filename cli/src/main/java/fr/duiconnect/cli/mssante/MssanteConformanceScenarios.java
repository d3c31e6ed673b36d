package fr.duiconnect.cli.mssante;

import fr.duiconnect.harness.mssante.BenchMessages;
import fr.duiconnect.harness.mssante.MssanteOperatorSimulator;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.mssante.InboxBatch;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.core.mssante.PreparedMail;
import fr.duiconnect.core.operation.OperationReceipt;
import fr.duiconnect.core.operation.OperationState;
import fr.duiconnect.core.operation.OperationStatus;
import fr.duiconnect.cli.conformance.ConformanceContext;
import fr.duiconnect.cli.conformance.ConformanceScenario;
import fr.duiconnect.cli.conformance.ConformanceScenarioProvider;
import fr.duiconnect.cli.conformance.Evidence;
import fr.duiconnect.cli.conformance.ScenarioOutcome;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/** MSSanté client-interface checks for the conformance report (Référentiel #2, ECO.x). */
public final class MssanteConformanceScenarios implements ConformanceScenarioProvider {

    @Override
    public List<ConformanceScenario> scenarios() {
        return List.of(
                scenario("MSS-01", "Every message carries X-MSS-NIL", "DOIT positionner l'entête SMTP X-MSS-NIL dans tous les courriels envoyés",
                        "ECO.2.4.3 (SC.MSS/CONF.16)", context -> {
                            MimeMessage message = prepared(context, note());
                            String nil = message.getHeader("X-MSS-NIL", null);
                            return ScenarioOutcome.check(nil != null && !nil.isBlank(), "X-MSS-NIL: " + nil,
                                    "no X-MSS-NIL header", headers(message));
                        }),
                scenario("MSS-02", "Delivery and read receipts are asked", "DOIT permettre de demander un accusé de réception (DSN) et de lecture (MDN)",
                        "ECO.2.3.1, ECO.2.3.2 (UX.33)", context -> {
                            MimeMessage message = prepared(context, note());
                            boolean asked = message.getHeader("Return-Receipt-To") != null && message.getHeader("Disposition-Notification-To") != null;
                            return ScenarioOutcome.check(asked, "Return-Receipt-To and Disposition-Notification-To are set",
                                    "a receipt request header is missing", headers(message));
                        }),
                scenario("MSS-03", "Sender display name follows the mailbox kind", "Nom affiché : <Titre>_<Prénom>_<NOM>_<Entité> (BAL personnelle) ou <Entité> (organisationnelle, applicative)",
                        "ECO.2.2.7 (MSS va1.16)", context -> {
                            MimeMessage message = prepared(context, note());
                            String personal = ((InternetAddress) message.getFrom()[0]).getPersonal();
                            return ScenarioOutcome.check(personal != null && !personal.isBlank(), "From display name: " + personal,
                                    "the From header has no display name", headers(message));
                        }),
                scenario("MSS-04", "A patient address needs a qualified INS", "Le système doit s'assurer que l'INS est qualifiée avant de générer l'adresse <INS>@patient.mssante.fr",
                        "ECO.3.1.5 (UX.32)", context -> {
                            PersonIdentity recovered = BenchMessages.resident().withStatus(IdentityStatus.RECUP, BenchMessages.INS);
                            try {
                                context.connector().mssante().prepare(MssanteMessage.builder().toPatient(true).person(recovered)
                                        .label("Message").body("Bonjour").build());
                                return ScenarioOutcome.fail("a message to the patient address of a RECUP identity was composed");
                            } catch (DuiConnectException e) {
                                return ScenarioOutcome.check(e.code().equals("INS-IDENTITY-NOT-QUALIFIED"), "refused: " + e.code(),
                                        "refused with an unexpected code", new Evidence("refusal", e.getMessage()));
                            }
                        }),
                scenario("MSS-05", "A message is delivered and its receipts settle the journal", "DSN (Return-Receipt-To) et MDN retournés et rapprochés du message envoyé",
                        "ECO.2.3.1, ECO.2.3.2, ECO.3.1.6", context -> {
                            if (context.sandboxIfAny().isEmpty()) {
                                return ScenarioOutcome.skipped("needs the sandbox's simulated recipient");
                            }
                            OperationReceipt receipt = context.connector().mssante().send(note());
                            OperationStatus sent = context.connector().operations().await(receipt.operationId(), Duration.ofSeconds(30));
                            if (sent.state() != OperationState.SENT) {
                                return ScenarioOutcome.fail("not submitted: " + sent.state() + " " + sent.lastError());
                            }
                            InboxBatch batch = context.connector().mssante().fetchInbox();
                            OperationStatus settled = context.connector().operations().status(receipt.operationId());
                            return ScenarioOutcome.check(settled.state() == OperationState.ACKED, "ACKED by " + batch.receipts().size() + " receipt(s)",
                                    "journal state " + settled.state(), new Evidence("receipts", String.valueOf(batch.receipts())));
                        }));
    }

    private static MssanteMessage note() {
        return MssanteMessage.builder().to(MssanteOperatorSimulator.HOSPITAL_DOCTOR).person(BenchMessages.resident())
                .label("Nouvelles de la résidente").body("Bonjour,\r\nrésidente stable.").build();
    }

    private static MimeMessage prepared(ConformanceContext context, MssanteMessage message) throws Exception {
        PreparedMail mail = context.connector().mssante().prepare(message);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.rfc822()));
    }

    private static Evidence headers(MimeMessage message) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements(); ) {
            String line = lines.nextElement();
            if (!line.startsWith("To:")) {
                text.append(line).append('\n');
            }
        }
        return new Evidence("headers", text.toString());
    }

    @FunctionalInterface
    private interface Check {
        ScenarioOutcome run(ConformanceContext context) throws Exception;
    }

    private static ConformanceScenario scenario(String id, String title, String rule, String reference, Check check) {
        return new ConformanceScenario() {
            @Override public String id() { return id; }
            @Override public ServiceSocle service() { return ServiceSocle.MSSANTE; }
            @Override public String title() { return title; }
            @Override public String rule() { return rule; }
            @Override public String reference() { return reference; }

            @Override
            public ScenarioOutcome run(ConformanceContext context) throws Exception {
                if (!context.connector().availableServices().contains(ServiceSocle.MSSANTE)) {
                    return ScenarioOutcome.skipped("MSSanté is not configured");
                }
                return check.run(context);
            }
        };
    }
}
