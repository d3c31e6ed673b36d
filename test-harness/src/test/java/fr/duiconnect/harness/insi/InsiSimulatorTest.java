package fr.duiconnect.harness.insi;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.ins.InsClient;
import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.ins.InsVerification;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.pki.IssuedCertificate;
import fr.duiconnect.harness.sandbox.Sandbox;
import fr.duiconnect.ins.InsErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every CNDA persona through the real client over mutual TLS, and the fault cases. */
class InsiSimulatorTest {

    @RegisterExtension
    static InsiSimulatorExtension insi = new InsiSimulatorExtension();

    static IdentityTraits traits(String nom, String prenoms, Sex sex, String date, String cog) {
        return new IdentityTraits(nom, List.of(prenoms.split(" ")), null, null, sex, LocalDate.parse(date), cog);
    }

    private static InsClient client() {
        return insi.connector().ins();
    }

    private static InsSearchResult search(IdentityTraits traits) {
        return client().search(InsSearchRequest.of(traits, Sandbox.TEST_FINESS, "test"));
    }

    @Test
    void adrunZoeIsFoundAndRecuperee() {
        InsSearchResult r = search(traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null));
        assertThat(r.returnCode()).isEqualTo(InsReturnCode.FOUND);
        assertThat(r.ins().matricule()).isEqualTo("275126322074974");
        assertThat(r.ins().kind()).isEqualTo(InsKind.NIR);
        assertThat(r.status()).isEqualTo(IdentityStatus.RECUP);
        assertThat(r.calls()).isEqualTo(1);
    }

    @Test
    void adrtroisDominiqueBornIn2AIsFound() {
        assertThat(search(traits("ADRTROIS", "DOMINIQUE", Sex.F, "1997-02-26", "2A020")).ins().matricule()).isEqualTo("297022A02077878");
    }

    @Test
    void cnda203cas2_adrtroisToussaintBornIn2BIsFound() {
        assertThat(search(traits("ADRTROIS", "TOUSSAINT", Sex.M, "1960-01-01", "2B020")).ins().matricule()).isEqualTo("160012B02077713");
    }

    @Test
    void cnda208cas1_corseAnthonyHasACorsicanMatricule() {
        InsSearchResult r = search(traits("CORSE", "ANTHONY", Sex.M, "1980-03-02", null));
        assertThat(r.ins().matricule()).isEqualTo("180032B02040123");
        assertThat(r.ins().keyVerified()).isTrue();
    }

    @Test
    void cnda204_ecetinsiComesWithTwoFormerMatricules() {
        InsSearchResult r = search(traits("ECETINSI", "PIERRE-ALAIN", Sex.M, "2009-07-14", null));
        assertThat(r.ins().matricule()).isEqualTo("109076322083489");
        assertThat(r.history()).extracting(Ins::matricule).containsExactly("209076322083439", "209066322012355");
        assertThat(r.returnedTraits().firstNamesAsList()).isEqualTo("PIERRE-ALAIN MURIEL FLORIANT");
    }

    @Test
    void cnda205_provisoireMatriculeHasAnNia() {
        InsSearchResult r = search(traits("PROVISOIRE", "MATRICULE", Sex.M, "2009-07-01", null));
        assertThat(r.ins().kind()).isEqualTo(InsKind.NIA);
        assertThat(r.ins().matricule()).isEqualTo("109076322088835");
    }

    @Test
    void cnda206cas1_deVinciWithoutBirthPlaceIsSeveral() {
        InsSearchResult r = search(traits("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", null));
        assertThat(r.returnCode()).isEqualTo(InsReturnCode.SEVERAL);
        assertThat(r.guidance()).contains("birth place");
        assertThat(r.status()).isEqualTo(IdentityStatus.PROV);
    }

    @Test
    void cnda206cas2_deVinciWithBirthPlaceIsFound() {
        assertThat(search(traits("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", "63220")).returnCode()).isEqualTo(InsReturnCode.FOUND);
    }

    @Test
    void cnda207cas1_tchitchiOlaAloneIsNotFoundThenCatarinaIs() {
        InsSearchResult olaOnly = search(traits("TCHITCHI", "OLA", Sex.F, "1936-06-21", null));
        assertThat(olaOnly.returnCode()).isEqualTo(InsReturnCode.NOT_FOUND);
        InsSearchResult r = search(traits("TCHITCHI", "OLA CATARINA BELLA", Sex.F, "1936-06-21", null));
        assertThat(r.returnCode()).isEqualTo(InsReturnCode.FOUND);
        assertThat(r.calls()).as("OLA → 01, CATARINA → 00, stop").isEqualTo(2);
        assertThat(r.ins().matricule()).isEqualTo("236066322083656");
    }

    @Test
    void cnda207cas2_houillesIsNeverFoundAfterEachPrenomAndAllTogether() {
        int before = insi.simulator().searchCount();
        InsSearchResult r = search(traits("HOUILLES", "PIERRE PAUL JACQUES", Sex.M, "1993-01-27", null));
        assertThat(r.returnCode()).isEqualTo(InsReturnCode.NOT_FOUND);
        assertThat(r.calls()).isEqualTo(4);
        assertThat(insi.simulator().searchCount() - before).isEqualTo(4);
        assertThat(r.lastRequestXml()).contains("PIERRE PAUL JACQUES");
        assertThat(r.guidance()).contains("check the traits");
    }

    @Test
    void cnda208cas2_hermanGatienIsFoundAsHermannWithAKeyOffTheFormulaAndTraitsThatDiffer() {
        InsSearchResult r = search(traits("HERMAN", "GATIEN", Sex.M, "1981-03-24", null));
        assertThat(r.ins().matricule()).isEqualTo("181036322045660");
        assertThat(r.ins().keyVerified()).isFalse();
        assertThat(r.traitsMatch()).isFalse();
        assertThat(r.status()).as("traits differ: not récupérée").isEqualTo(IdentityStatus.PROV);
        assertThat(r.history()).hasSize(2);
    }

    @Test
    void nessiMichelangeloAndNathalieAreFound() {
        assertThat(search(traits("NESSI", "MICHELANGELO ANTHONY", Sex.M, "2010-08-07", null)).ins().matricule()).isEqualTo("110086322083060");
        assertThat(search(traits("NESSI", "NATHALIE", Sex.F, "1977-07-14", "63220")).ins().matricule()).isEqualTo("277076322082910");
    }

    @Test
    void cnda203cas1_dArtagnanDeLHeraultIsSentAndFound() {
        InsSearchResult r = search(traits("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", Sex.M, "2001-06-17", "63220"));
        assertThat(r.returnCode()).isEqualTo(InsReturnCode.FOUND);
        assertThat(r.lastRequestXml()).contains("D'ARTAGNAN DE L'HERAULT");
    }

    @Test
    void cnda203cas3_dAeionCoeurIsRefusedBeforeAnyCall() {
        int before = insi.simulator().searchCount();
        assertThatThrownBy(() -> search(traits("D’ÆION", "CŒUR", Sex.M, "1987-01-01", "2B020")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.TRAIT_CHARACTERS));
        assertThat(insi.simulator().searchCount()).isEqualTo(before);
    }

    @Test
    void validatedIdentityFoundByInsiBecomesQualifiee() {
        InsSearchResult r = client().search(new InsSearchRequest(traits("NESSI", "NATHALIE", Sex.F, "1977-07-14", "63220"),
                IdentityStatus.VALI, Sandbox.TEST_FINESS, "test"));
        assertThat(r.status()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void requestCarriesTheContextHeaders() {
        String xml = search(traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null)).lastRequestXml();
        assertThat(xml).contains("ContexteBAM", "Version=\"01_02\"", "R=\"4\"", InsiSimulator.AUTHORISATION,
                "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite", "uuid:");
    }

    @Test
    void verifyResolvesAFormerMatricule() {
        IdentityTraits t = traits("ECETINSI", "PIERRE-ALAIN MURIEL FLORIANT", Sex.M, "2009-07-14", "63220");
        PersonIdentity stored = new PersonIdentity("P1", t, Ins.of("2090663220123", "55", InsKind.NIR), IdentityStatus.RECUP, Set.of());
        InsVerification v = client().verify(stored, Sandbox.TEST_FINESS, "test");
        assertThat(v.confirmed()).isTrue();
        assertThat(v.formerMatricule()).isTrue();
        assertThat(v.search().ins().matricule()).isEqualTo("109076322083489");
    }

    @Test
    void exiSi09_douteuseIdentityIsNeverSentToInsi() {
        int before = insi.simulator().searchCount();
        PersonIdentity doubtful = new PersonIdentity("P2", traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null), null,
                IdentityStatus.PROV, Set.of(IdentityAttribute.DOUT));
        assertThatThrownBy(() -> client().verify(doubtful, Sandbox.TEST_FINESS, "test"))
                .isInstanceOfSatisfying(IdentityRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.DOUBTFUL_OR_FICTITIOUS));
        assertThat(insi.simulator().searchCount()).isEqualTo(before);
    }

    @Test
    void desir560_aCertificateWhoseCnIsNotInsiAutoOrManuIsRefused() throws Exception {
        IssuedCertificate wrong = insi.sandbox().pki().issueOrgAuthClient("insi-wrong-cn.p12", "DUI-TILLEULS", Sandbox.TEST_FINESS);
        try (DuiConnector other = insi.connectorWith(Map.of(
                "dui.ins.tls.keystore", wrong.keyStore().path().toAbsolutePath().toString(),
                "dui.journal.dir", Files.createTempDirectory("dui-insi-journal-").toString()))) {
            assertThatThrownBy(() -> other.ins().search(InsSearchRequest.of(traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null),
                    Sandbox.TEST_FINESS, "test")))
                    .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(InsErrorCode.CERTIFICATE_ACCESS);
                        assertThat(e.retryable()).isFalse();
                    });
        }
    }

    @Test
    void siram100_unknownSoftwareAuthorisationIsRefused() {
        insi.simulator().knownAuthorisations(Set.of("SOME-OTHER-IDAM"));
        assertThatThrownBy(() -> search(traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null)))
                .isInstanceOfSatisfying(DuiConnectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.SOFTWARE_NOT_AUTHORISED));
    }

    @Test
    void http503IsRetryable() {
        insi.simulator().faults().set(Fault.times(FaultKind.HTTP_503, 1));
        assertThatThrownBy(() -> search(traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null)))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(InsErrorCode.UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void connectionResetIsRetryable() {
        insi.simulator().faults().set(Fault.times(FaultKind.CONNECTION_RESET, 1));
        assertThatThrownBy(() -> search(traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null)))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void soapFaultOfTheServiceIsTypedAndNotRetried() {
        insi.simulator().faults().set(Fault.times(FaultKind.SOAP_FAULT, 1));
        assertThatThrownBy(() -> search(traits("ADRUN", "ZOE", Sex.F, "1975-12-31", null)))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(InsErrorCode.REMOTE_FAULT);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void simulatorResultatValidatesAgainstTheProjectSchema() throws Exception {
        String response = search(traits("ECETINSI", "PIERRE-ALAIN", Sex.M, "2009-07-14", null)).lastResponseXml();
        org.w3c.dom.Document doc = fr.duiconnect.core.xml.SecureXml.parse(response.getBytes(java.nio.charset.StandardCharsets.UTF_8), "r");
        org.w3c.dom.Node resultat = doc.getElementsByTagNameNS("http://www.cnamts.fr/INSiResultat", "RESULTAT").item(0);
        javax.xml.validation.SchemaFactory factory = javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(getClass().getResource("/wsdl/xsd/INSi_RESULTAT_INS.xsd")).newValidator()
                .validate(new javax.xml.transform.dom.DOMSource(resultat));
        assertThat(resultat).isNotNull();
    }

    @Test
    void checkMatriculeSaysWhyItIsInvalid() {
        assertThat(client().checkMatricule("109076322083489", InsKind.NIR).valid()).isTrue();
        assertThat(client().checkMatricule("109076322083488", InsKind.NIR).problems()).singleElement().asString().contains("INS-KEY-INVALID");
    }
}
