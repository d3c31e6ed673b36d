package fr.duiconnect.mssante;

import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** #19 point 1: mail travels over TLS only, STARTTLS (required) or implicit TLS; there is no cleartext setting. */
class MailEndpointTest {

    @Test
    void smtp_means_starttls_required_on_587() {
        var endpoint = MssanteSettings.MailEndpoint.parse("smtp://smtp.op.mssante.fr", "smtp", 587, 465, "dui.mssante.url");
        assertThat(endpoint.implicitTls()).isFalse();
        assertThat(endpoint.port()).isEqualTo(587);
    }

    @Test
    void smtps_and_imaps_mean_implicit_tls_on_465_and_993() {
        assertThat(MssanteSettings.MailEndpoint.parse("smtps://smtp.op.mssante.fr", "smtp", 587, 465, "dui.mssante.url"))
                .satisfies(e -> assertThat(e.implicitTls()).isTrue()).satisfies(e -> assertThat(e.port()).isEqualTo(465));
        assertThat(MssanteSettings.MailEndpoint.parse("imaps://imap.op.mssante.fr", "imap", 143, 993, "dui.mssante.option.imap.url"))
                .satisfies(e -> assertThat(e.implicitTls()).isTrue()).satisfies(e -> assertThat(e.port()).isEqualTo(993));
    }

    @Test
    void any_other_scheme_is_a_configuration_error_at_start() {
        for (String url : new String[] {"http://smtp.op.mssante.fr", "smtp+plain://smtp.op.mssante.fr", "imap://imap.op.mssante.fr"}) {
            assertThatThrownBy(() -> MssanteSettings.MailEndpoint.parse(url, "smtp", 587, 465, "dui.mssante.url"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("never travels in clear");
        }
    }
}
