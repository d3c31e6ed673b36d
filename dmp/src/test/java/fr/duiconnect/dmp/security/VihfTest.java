package fr.duiconnect.dmp.security;

import fr.duiconnect.core.config.PrivateKeyEntry;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.dmp.soap.DmpSoap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The VIHF as the DMP checks it (IG volet transmission CDA R2, "Mapping VIHF pour le DMP"). */
class VihfTest {

    static final PrivateKeyEntry ORG_SIGN = TestSigningKeys.selfSigned("ORG SIGN EHPAD");
    static final VihfProfile PROFILE = new VihfProfile("3.0", VihfProfile.INDIRECTE, "DUI Test, 1.0", "810001234565", new Code("AUTOMATE", "1.2.250.1.213.1.1.4.6", "Automate"),
            new Code("SA17", "1.2.250.1.71.4.2.4", "EHPAD"), Finess.of("750000010"), "DUI Test", "1.0", "DMP-0001");
    static final Ins INS = Ins.of("2790351215189", "89", InsKind.NIR_TEST);

    private static Element signedAssertion(PrivateKeyEntry key) {
        Document envelope = DmpSoap.envelope("urn:test", URI.create("https://dmp.test/registry"));
        return new VihfAssertion(PROFILE, key, "rsa-sha256", "sha256", Clock.systemUTC()).signInto(DmpSoap.security(envelope), INS);
    }

    /** Serialised and parsed again, as it travels: the signature must survive the trip. */
    private static Element travelled(Element assertion) {
        Document parsed = fr.duiconnect.core.xml.SecureXml.parse(DmpSoap.serialise(assertion.getOwnerDocument()), "envelope");
        return DmpSoap.firstElement(DmpSoap.security(parsed)).orElseThrow();
    }

    @Test
    void aSignedVihfCarriesTheMandatoryAttributesAndVerifiesAfterTransport() throws Exception {
        VihfVerifier.Claims claims = new VihfVerifier(List.of(ORG_SIGN.certificate())).verify(travelled(signedAssertion(ORG_SIGN)), Instant.now());
        assertThat(claims.attributes()).containsKeys(VihfVerifier.MANDATORY.toArray(String[]::new));
        assertThat(claims.get("Identifiant_Structure")).isEqualTo("1750000010");
        assertThat(claims.get("Authentification_Mode")).isEqualTo("INDIRECTE");
        assertThat(claims.get(VihfAssertion.RESOURCE_ID)).isEqualTo("279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertThat(claims.get(VihfAssertion.PURPOSE)).isEqualTo("normal");
    }

    @Test
    void anAlteredAttributeBreaksTheSignature() {
        Element assertion = travelled(signedAssertion(ORG_SIGN));
        var values = assertion.getElementsByTagNameNS(VihfAssertion.SAML, "AttributeValue");
        for (int i = 0; i < values.getLength(); i++) {
            if ("1750000010".equals(values.item(i).getTextContent())) {
                values.item(i).setTextContent("1750000028");   // another structure
            }
        }
        assertThatThrownBy(() -> new VihfVerifier(List.of(ORG_SIGN.certificate())).verify(assertion, Instant.now()))
                .isInstanceOf(VihfVerifier.VihfRefusal.class).hasMessageContaining("does not verify");
    }

    @Test
    void aSignerOutsideTheTrustedAuthoritiesIsRefused() {
        PrivateKeyEntry stranger = TestSigningKeys.selfSigned("NOT IGC SANTE");
        assertThatThrownBy(() -> new VihfVerifier(List.of(ORG_SIGN.certificate())).verify(travelled(signedAssertion(stranger)), Instant.now()))
                .isInstanceOf(VihfVerifier.VihfRefusal.class).hasMessageContaining("trusted authority");
    }

    @Test
    void anExpiredAssertionIsRefused() {
        Element assertion = travelled(signedAssertion(ORG_SIGN));
        assertThatThrownBy(() -> new VihfVerifier(List.of(ORG_SIGN.certificate())).verify(assertion, Instant.now().plus(Duration.ofMinutes(10))))
                .isInstanceOf(VihfVerifier.VihfRefusal.class).hasMessageContaining("expired");
    }

    /** Automated processing: Subject/NameID is the responsible person's identifier (here 8 + RPPS), subject-id "logiciel, modèle". */
    @Test
    void anAutomatedVihfNamesTheResponsiblePersonAndTheSoftwareModel() throws Exception {
        VihfVerifier.Claims claims = new VihfVerifier(List.of(ORG_SIGN.certificate())).verify(travelled(signedAssertion(ORG_SIGN)), Instant.now());
        assertThat(claims.get(VihfVerifier.NAME_ID)).isEqualTo("810001234565");
        assertThat(claims.get(VihfAssertion.SUBJECT_ID)).isEqualTo("DUI Test, 1.0");
    }

    @Test
    void aNameIdThatNamesTheSoftwareIsRefused() {
        VihfProfile software = new VihfProfile("3.0", VihfProfile.INDIRECTE, "DUI Test, 1.0", "DUI Test", PROFILE.role(), PROFILE.secteurActivite(),
                PROFILE.structure(), "DUI Test", "1.0", "DMP-0001");
        Document envelope = DmpSoap.envelope("urn:test", URI.create("https://dmp.test/registry"));
        Element assertion = new VihfAssertion(software, ORG_SIGN, "rsa-sha256", "sha256", Clock.systemUTC()).signInto(DmpSoap.security(envelope), INS);
        assertThatThrownBy(() -> new VihfVerifier(List.of(ORG_SIGN.certificate())).verify(travelled(assertion), Instant.now()))
                .isInstanceOf(VihfVerifier.VihfRefusal.class).hasMessageContaining("NameID names the software");
    }

    @Test
    void aSubjectIdWithoutTheModelIsRefusedAtConfiguration() {
        assertThatThrownBy(() -> new VihfProfile("3.0", VihfProfile.INDIRECTE, "DUI Test", "810001234565", PROFILE.role(), PROFILE.secteurActivite(),
                PROFILE.structure(), "DUI Test", "1.0", "DMP-0001")).hasMessageContaining("dui.dmp.option.vihf.subject-id");
    }
}
