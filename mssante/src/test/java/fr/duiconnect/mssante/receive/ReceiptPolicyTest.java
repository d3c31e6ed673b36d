package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may settle a sent message by a receipt (#19 point 3). */
class ReceiptPolicyTest {

    @Test
    void by_default_only_the_recipients_own_domain_reports_on_it() {
        ReceiptPolicy policy = ReceiptPolicy.parse(null, null);
        assertThat(policy.mayReportFor("postmaster@hopital-a.mssante.fr", "jean.dupont@hopital-a.mssante.fr")).isTrue();
        assertThat(policy.mayReportFor("MAILER-DAEMON@forger.example", "jean.dupont@hopital-a.mssante.fr")).isFalse();
        assertThat(policy.mayReportFor(null, "jean.dupont@hopital-a.mssante.fr")).isFalse();
    }

    @Test
    void an_operator_reports_for_every_recipient_or_for_the_domain_it_is_configured_for() {
        ReceiptPolicy policy = ReceiptPolicy.parse("mta.operateur.fr, hopital-a.mssante.fr=mta.hopital.fr", null);
        assertThat(policy.mayReportFor("MAILER-DAEMON@mta.operateur.fr", "x@cabinet-b.mssante.fr")).isTrue();
        assertThat(policy.mayReportFor("MAILER-DAEMON@MTA.HOPITAL.FR", "x@hopital-a.mssante.fr")).isTrue();
        assertThat(policy.mayReportFor("MAILER-DAEMON@mta.hopital.fr", "x@cabinet-b.mssante.fr")).isFalse();
    }

    @Test
    void receipts_must_be_signed_only_from_the_senders_configured_as_signing() {
        assertThat(ReceiptPolicy.parse(null, "hopital-a.mssante.fr").mustBeSigned("x@hopital-a.mssante.fr")).isTrue();
        assertThat(ReceiptPolicy.parse(null, "hopital-a.mssante.fr").mustBeSigned("x@cabinet-b.mssante.fr")).isFalse();
        assertThat(ReceiptPolicy.parse(null, "*").mustBeSigned("x@cabinet-b.mssante.fr")).isTrue();
        assertThat(ReceiptPolicy.parse(null, null).mustBeSigned("x@cabinet-b.mssante.fr")).isFalse();
    }

    @Test
    void an_entry_that_is_not_a_domain_is_a_configuration_error_at_start() {
        assertThatThrownBy(() -> ReceiptPolicy.parse("mta operateur", null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dui.mssante.option.receipts.operators");
    }
}
