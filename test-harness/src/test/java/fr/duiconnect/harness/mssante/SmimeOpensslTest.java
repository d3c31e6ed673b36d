package fr.duiconnect.harness.mssante;

import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.mssante.Mailbox;
import fr.duiconnect.core.mssante.MssanteMessage;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.pki.TestPki;
import fr.duiconnect.mssante.compose.ComposerSettings;
import fr.duiconnect.mssante.compose.MessageComposer;
import fr.duiconnect.mssante.smime.SmimeCredentials;
import fr.duiconnect.mssante.smime.SmimeLayer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the connector signs verifies with {@code openssl cms -verify} against the test chain, and what it encrypts
 * decrypts with {@code openssl cms -decrypt}: interoperability beyond Bouncy Castle. Skipped only when openssl is
 * not installed (CI installs it).
 */
class SmimeOpensslTest {

    @TempDir
    static Path dir;
    static TestPki pki;
    static IssuedCertificate sender;
    static IssuedCertificate recipient;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir.resolve("pki"));
        sender = pki.issueSmime("sender.p12", "ehpad_auto@ehpad.mssante.fr");
        recipient = pki.issueSmime("recipient.p12", "jean.dupont@hopital-a.mssante.fr");
    }

    private static boolean opensslPresent() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static MimeMessage composed() {
        SoftwareIdentity software = new SoftwareIdentity("MonDUI", "4.2", Map.of("mssante", "DEV935997"), UUID.randomUUID());
        ComposerSettings settings = new ComposerSettings("DEV935997",
                Mailbox.application("ehpad_auto@ehpad.mssante.fr", "EHPAD Les Tilleuls"), "secretariat@ehpad.mssante.fr",
                software, ComposerSettings.DEFAULT_CONTENT_TYPE, ComposerSettings.oidOf(software.installationId()), true);
        PersonIdentity person = PersonIdentity.provisional("IPP-9",
                new IdentityTraits("DURAND", List.of("Marie"), null, null, Sex.F, LocalDate.of(1940, 2, 1), null));
        MssanteMessage message = MssanteMessage.builder().to("jean.dupont@hopital-a.mssante.fr").person(person)
                .label("Nouvelles de Mme Durand").body("Bonjour,\r\nrésident stable, pas d'évènement cette semaine.").build();
        return new MessageComposer(settings, (s, d, u) -> new byte[0], Clock.systemUTC())
                .compose(message, Session.getInstance(new Properties())).message();
    }

    private static Path write(MimeMessage message, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }

    private static Result openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    record Result(int exit, String output) {
    }

    @Test
    void signature_verifies_with_openssl_cms_against_the_test_chain() throws Exception {
        assumeTrue(opensslPresent(), "openssl is not on PATH");
        MimeMessage message = composed();
        new SmimeLayer(List.of(pki.rootCertificate())).sign(message, new SmimeCredentials(sender.privateKey(), sender.chain()));
        Path eml = write(message, "signed.eml");
        Result result = openssl("cms", "-verify", "-in", eml.toString(), "-CAfile",
                pki.directory().resolve("root-ca.pem").toString(), "-out", dir.resolve("verified.txt").toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verification successful");
        assertThat(Files.readString(dir.resolve("verified.txt"), StandardCharsets.UTF_8)).contains("multipart/mixed");
    }

    @Test
    void signature_does_not_verify_with_openssl_against_another_chain() throws Exception {
        assumeTrue(opensslPresent(), "openssl is not on PATH");
        MimeMessage message = composed();
        new SmimeLayer(List.of(pki.rootCertificate())).sign(message, new SmimeCredentials(sender.privateKey(), sender.chain()));
        Path eml = write(message, "signed-other.eml");
        TestPki other = TestPki.generate(dir.resolve("other"), "OTHER");
        Result result = openssl("cms", "-verify", "-in", eml.toString(), "-CAfile",
                other.directory().resolve("root-ca.pem").toString(), "-out", dir.resolve("ignored.txt").toString());
        assertThat(result.exit()).isNotZero();
    }

    @Test
    void encryption_decrypts_with_openssl_cms_and_the_recipient_key() throws Exception {
        assumeTrue(opensslPresent(), "openssl is not on PATH");
        MimeMessage message = composed();
        SmimeLayer layer = new SmimeLayer(List.of(pki.rootCertificate()));
        layer.sign(message, new SmimeCredentials(sender.privateKey(), sender.chain()));
        layer.encrypt(message, List.of(recipient.certificate()));
        Path eml = write(message, "encrypted.eml");
        Path key = pki.writePrivateKeyPem(recipient, "recipient-key.pem");
        Path decrypted = dir.resolve("decrypted.eml");
        Result result = openssl("cms", "-decrypt", "-in", eml.toString(), "-recip",
                pki.directory().resolve("recipient.pem").toString(), "-inkey", key.toString(), "-out", decrypted.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readString(decrypted, StandardCharsets.ISO_8859_1)).contains("multipart/signed");
        Result verify = openssl("cms", "-verify", "-in", decrypted.toString(), "-CAfile",
                pki.directory().resolve("root-ca.pem").toString(), "-out", dir.resolve("inner.txt").toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
    }
}
