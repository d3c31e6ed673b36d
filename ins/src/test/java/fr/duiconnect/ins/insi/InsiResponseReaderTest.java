package fr.duiconnect.ins.insi;

import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.ins.InsErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsiResponseReaderTest {

    private static byte[] envelope(String body) {
        return ("<soap:Envelope xmlns:soap='http://www.w3.org/2003/05/soap-envelope'><soap:Body>" + body
                + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    private static final String HERMANN = """
            <RESULTAT xmlns='http://www.cnamts.fr/INSiResultat'><CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR>
            <INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>1810363220456</NumIdentifiant><Cle>60</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSACTIF>
            <INSHISTO><IdIndividu><NumIdentifiant>2810363220456</NumIdentifiant><Cle>10</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSHISTO>
            <TIQ><NomNaissance>HERMANN</NomNaissance><Prenom>GATIEN</Prenom><ListePrenom>GATIEN</ListePrenom><Sexe>M</Sexe>
            <DateNaissance>1981-03-24</DateNaissance><LieuNaissance>63220</LieuNaissance></TIQ></INDIVIDU></RESULTAT>""";

    @Test
    void cnda208cas2_insiOutputIsKeptEvenWhenTheKeyDoesNotFollowTheFormula() {
        InsiAnswer answer = InsiResponseReader.read(envelope(HERMANN));
        assertThat(answer.code()).isEqualTo(InsReturnCode.FOUND);
        assertThat(answer.ins().matricule()).isEqualTo("181036322045660");
        assertThat(answer.ins().keyVerified()).isFalse();
        assertThat(answer.history()).hasSize(1);
    }

    @Test
    void cr01IsNotFound() {
        InsiAnswer answer = InsiResponseReader.read(envelope(
                "<RESULTAT xmlns='http://www.cnamts.fr/INSiResultat'><CR><CodeCR>01</CodeCR><LibelleCR>Aucune identite trouvee</LibelleCR></CR></RESULTAT>"));
        assertThat(answer.code()).isEqualTo(InsReturnCode.NOT_FOUND);
        assertThat(answer.ins()).isNull();
    }

    @Test
    void desir560FaultIsTheCertificateError() {
        assertThatThrownBy(() -> InsiResponseReader.read(envelope("""
                <soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>
                <soap:Reason><soap:Text xml:lang='fr'>Niveau d'accès insuffisant</soap:Text></soap:Reason>
                <soap:Detail><siram:Erreur xmlns:siram='urn:siram' code='DESIR_560' severite='erreur'>Vous ne disposez pas des droits suffisants</siram:Erreur></soap:Detail></soap:Fault>""")))
                .isInstanceOfSatisfying(RemoteServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(InsErrorCode.CERTIFICATE_ACCESS);
                    assertThat(e.remoteCode()).contains("DESIR_560");
                });
    }

    @Test
    void siram100Desir550IsTheUnknownSoftwareAuthorisation() {
        assertThatThrownBy(() -> InsiResponseReader.read(envelope("""
                <soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>soap:siram_100</soap:Value></soap:Subcode></soap:Code>
                <soap:Reason><soap:Text>L'accès par ce progiciel au service n'est pas autorisé</soap:Text></soap:Reason>
                <soap:Detail><siram:Erreur xmlns:siram='urn:siram' code='desir_550'>Numéro d'autorisation du logiciel inconnu.</siram:Erreur></soap:Detail></soap:Fault>""")))
                .isInstanceOfSatisfying(RemoteServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.SOFTWARE_NOT_AUTHORISED));
    }

    @Test
    void doctypeIsRefused() {
        assertThatThrownBy(() -> InsiResponseReader.read("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RemoteServiceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.RESPONSE_INVALID));
    }
}
