package fr.duiconnect.ins.insi;

import fr.duiconnect.core.config.SoftwareIdentity;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Sex;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsiSoapTest {

    @Test
    void theRequestCarriesTheContextsTheActionAndTheTraits() {
        SoftwareIdentity software = new SoftwareIdentity("MonDUI", "4.2", Map.of("insi", "CNDA-123"),
                UUID.fromString("6b1f0c2e-8d7a-4a51-9d0e-0c7a3b9e2f10"));
        String xml = InsiSoap.request(new InsiQuery("ADRTROIS", "DOMINIQUE", Sex.F, LocalDate.of(1997, 2, 26), null), software,
                "750000010", "m-1", Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(xml).contains("http://www.w3.org/2003/05/soap-envelope").contains("Version=\"01_02\"")
                .contains("<ctxlps:IDAM R=\"4\">CNDA-123</ctxlps:IDAM>").contains("6b1f0c2e-8d7a-4a51-9d0e-0c7a3b9e2f10")
                .contains("urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite").contains("uuid:m-1")
                .contains("http://www.cnamts.fr/INSiRecSans").containsPattern("NomNaissance>ADRTROIS</")
                .doesNotContain("LieuNaissance");
    }

    @Test
    void theRequestIsWellFormedXmlWhateverTheConfiguredTextHolds() {
        SoftwareIdentity software = new SoftwareIdentity("Soins & <Suivi>", "4.2\"b", Map.of("insi", "CNDA-1&2"),
                UUID.fromString("6b1f0c2e-8d7a-4a51-9d0e-0c7a3b9e2f10"));
        String xml = InsiSoap.request(new InsiQuery("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", Sex.M, LocalDate.of(2001, 6, 17), "63220"),
                software, "75<00&00010", "m-2", Instant.parse("2026-11-22T10:00:00Z"));
        var envelope = fr.duiconnect.core.xml.SecureXml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "request").getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(InsiNamespaces.SOAP12);
        assertThat(envelope.getElementsByTagNameNS(InsiNamespaces.CTX_BAM, "Emetteur").item(0).getTextContent()).isEqualTo("75<00&00010");
        assertThat(envelope.getElementsByTagNameNS(InsiNamespaces.CTX_LPS, "IDAM").item(0).getTextContent()).isEqualTo("CNDA-1&2");
        assertThat(envelope.getElementsByTagNameNS(InsiNamespaces.CTX_LPS, "Nom").item(0).getTextContent()).isEqualTo("urn:lps:Soins-&-<Suivi>:4.2\"b");
        assertThat(envelope.getElementsByTagNameNS(InsiNamespaces.REC_SANS, "NomNaissance").item(0).getTextContent()).isEqualTo("D'ARTAGNAN DE L'HERAULT");
        assertThat(envelope.getElementsByTagNameNS(InsiNamespaces.REC_SANS, "LieuNaissance").item(0).getTextContent()).isEqualTo("63220");
    }

    @Test
    void aFoundAnswerGivesTheActiveInsTheHistoryAndTheTraits_TEST_2_04() {
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\">"
                + "<CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR><INDIVIDU>"
                + "<INSACTIF><IdIndividu><NumIdentifiant>1090763220834</NumIdentifiant><Cle>89</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSACTIF>"
                + "<INSHISTO><IdIndividu><NumIdentifiant>2090763220834</NumIdentifiant><Cle>39</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSHISTO>"
                + "<TIQ><NomNaissance>ECETINSI</NomNaissance><Prenom>PIERRE-ALAIN</Prenom><ListePrenom>PIERRE-ALAIN MURIEL FLORIANT</ListePrenom>"
                + "<Sexe>M</Sexe><DateNaissance>2009-07-14</DateNaissance><LieuNaissance>63220</LieuNaissance></TIQ></INDIVIDU></RESULTAT></s:Body></s:Envelope>";
        InsiAnswer answer = InsiSoap.response(xml, "");
        assertThat(answer.code()).isEqualTo(InsiReturnCode.FOUND);
        assertThat(answer.active().matricule()).isEqualTo("109076322083489");
        assertThat(answer.active().kind()).isEqualTo(InsKind.NIR);
        assertThat(answer.history()).hasSize(1);
        assertThat(answer.traits().firstNames()).containsExactly("PIERRE-ALAIN", "MURIEL", "FLORIANT");
    }

    @Test
    void aSiramFaultBecomesATypedErrorWithItsCode_desir_550() {
        String xml = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:siram=\"urn:siram\"><soap:Body><soap:Fault>"
                + "<soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>soap:siram_100</soap:Value></soap:Subcode></soap:Code>"
                + "<soap:Reason><soap:Text xml:lang=\"fr\">L'accès par ce progiciel au service n'est pas autorisé.</soap:Text></soap:Reason>"
                + "<soap:Detail><siram:Erreur code=\"desir_550\" severite=\"erreur\">Numéro d'autorisation du logiciel inconnu.</siram:Erreur></soap:Detail>"
                + "</soap:Fault></soap:Body></soap:Envelope>";
        assertThatThrownBy(() -> InsiSoap.response(xml, ""))
                .isInstanceOf(RemoteServiceException.class).hasMessageContaining("INS-INSI-ACCESS").hasMessageContaining("desir_550");
    }

    @Test
    void anAnswerThatIsNotSoapIsRefused() {
        assertThatThrownBy(() -> InsiSoap.response("<html>maintenance</html>", "")).isInstanceOf(DuiConnectException.class)
                .hasMessageContaining("INS-INSI-RESPONSE");
        assertThatThrownBy(() -> InsiSoap.response("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", ""))
                .isInstanceOf(DuiConnectException.class);
    }
}
