package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.PrivateKeyEntry;
import fr.duiconnect.core.error.RemoteServiceException;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xds.XdsDocument;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.core.xds.XdsUniqueIds;
import fr.duiconnect.dmp.DmpGateway;
import fr.duiconnect.dmp.DmpSettings;
import fr.duiconnect.dmp.cda.CdaHeaderReader;
import fr.duiconnect.dmp.security.SubmissionSetSignature;
import fr.duiconnect.dmp.security.VihfAssertion;
import fr.duiconnect.dmp.soap.DmpTransport;
import fr.duiconnect.dmp.xds.DmpMetadataFactory;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated DMP refuses what the DMP refuses, with the XDS error code a registry returns. Each submission is
 * built as the connector builds it, then broken in one respect and sent through the gateway, past the client's own
 * checks (which would stop most of these earlier).
 */
class DmpRegistryRulesTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.DMP);

    static DmpSettings settings;
    static DmpGateway gateway;
    static KitDlu dlu;
    static DmpMetadataFactory factory;

    @BeforeAll
    static void gateway() {
        connect(SANDBOX.sandbox());
    }

    /** The gateway, settings and kit DLU of the connector to this sandbox (shared with the content rules' tests). */
    static void connect(Sandbox sandbox) {
        ConnectorConfig config = sandbox.connectorConfigWith(Map.of());
        settings = DmpSettings.from(config.endpoint(ServiceSocle.DMP), config.software());
        gateway = gatewaySigningVihfWith(settings.orgSign());
        factory = new DmpMetadataFactory(settings.sourceId(), settings.contentTypeCode());
        dlu = KitDlu.load(Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit"));
    }

    static DmpGateway gatewaySigningVihfWith(PrivateKeyEntry key) {
        return new DmpGateway(new DmpTransport(settings.endpoint(), settings.maxAnswerBytes()),
                new VihfAssertion(settings.vihf(), key, "rsa-sha256", "sha256", Clock.systemUTC()), settings.sourceId());
    }

    /** What an ITI-41 carries, before sending: open to one mutation. */
    static final class Deposit {
        Ins ins = KitDlu.KIT_PATIENT.ins();
        byte[] cda;
        DocumentMetadata entry;
        String replaces;
        boolean signed = true;
        byte[] signedContent;

        Deposit(KitDlu.Generated document) {
            cda = document.cda();
            entry = factory.documentEntry(CdaHeaderReader.read(cda), cda, Set.of());
            signedContent = cda;
        }

        void send(DmpGateway through) {
            Instant now = Instant.now();
            String setId = XdsUniqueIds.random();
            byte[] signature = new SubmissionSetSignature(settings.orgSign(), "rsa-sha256", "sha256", Clock.systemUTC())
                    .sign(setId, entry.uniqueId(), signedContent);
            XdsDocument document = XdsDocument.of(entry);
            if (replaces != null) {
                document = document.replacing(replaces);
            }
            XdsDocument signatureEntry = XdsDocument.of(factory.signatureEntry(entry, XdsUniqueIds.random(), signature, now));
            Map<String, byte[]> contents = new LinkedHashMap<>();
            contents.put(document.entryUuid(), cda);
            List<XdsDocument> documents = List.of(document);
            if (signed) {
                contents.put(signatureEntry.entryUuid(), signature);
                documents = List.of(document, signatureEntry);
            }
            through.provideAndRegister(ins, new XdsSubmission(factory.submissionSet(entry, setId, now), documents), contents);
        }
    }

    static Deposit deposit(UnaryOperator<Deposit> breakIt) {
        return breakIt.apply(new Deposit(dlu.forStructure(Sandbox.TEST_FINESS)));
    }

    static String refusal(Deposit deposit, DmpGateway through) {
        try {
            deposit.send(through);
            return "accepted";
        } catch (RemoteServiceException e) {
            return e.remoteCode().orElse(e.code()) + " " + e.getMessage();
        }
    }

    static String refusal(UnaryOperator<Deposit> breakIt) {
        return refusal(deposit(breakIt), gateway);
    }

    @Test
    void aWellFormedDepositIsRegistered() {
        assertThat(refusal(d -> d)).isEqualTo("accepted");
    }

    @Test
    void aHashThatIsNotTheDocumentsSha1IsRefused_XDSNonIdenticalHash() {
        assertThat(refusal(d -> { d.entry = d.entry.toBuilder().hash("0".repeat(40)).build(); return d; })).startsWith("XDSNonIdenticalHash");
    }

    @Test
    void aSizeThatIsNotTheDocumentsIsRefused_XDSNonIdenticalSize() {
        assertThat(refusal(d -> { d.entry = d.entry.toBuilder().size(d.cda.length + 1).build(); return d; })).startsWith("XDSNonIdenticalSize");
    }

    @Test
    void anUnsignedSubmissionSetIsRefused() {
        assertThat(refusal(d -> { d.signed = false; return d; })).startsWith("XDSRegistryMetadataError").contains("pas signé");
    }

    @Test
    void aSignatureOverOtherBytesIsRefused() {
        assertThat(refusal(d -> { d.signedContent = "autre".getBytes(StandardCharsets.UTF_8); return d; }))
                .startsWith("XDSRegistryMetadataError").contains("signature du lot de soumission invalide");
    }

    @Test
    void anAuthorInstitutionOtherThanTheVihfStructureIsRefused_EX_2_1_1140() {
        assertThat(refusal(d -> {
            Structure other = new Structure(Finess.of("750000028"), null, "Autre EHPAD", d.entry.healthcareFacilityTypeCode(), d.entry.practiceSettingCode());
            d.entry = d.entry.toBuilder().author(new fr.duiconnect.core.xds.DocumentAuthor(d.entry.author().person(), other, null, null)).build();
            return d;
        })).contains("Aucun AuthorInstitution ne correspond à l'utilisateur du VIHF");
    }

    @Test
    void aClassCodeThatDoesNotFollowFromTheTypeCodeIsRefused_ASS_X16() {
        assertThat(refusal(d -> { d.entry = d.entry.toBuilder().classCode(new fr.duiconnect.core.model.Code("10", "1.2.250.1.213.1.1.4.1", "CR")).build(); return d; }))
                .startsWith("XDSRegistryMetadataError").contains("ASS_X16");
    }

    @Test
    void aUniqueIdRegisteredTwiceIsRefused_XDSDuplicateUniqueIdInRegistry() {
        Deposit first = deposit(d -> d);
        first.send(gateway);
        assertThat(refusal(first, gateway)).startsWith("XDSDuplicateUniqueIdInRegistry");
    }

    @Test
    void aReplacementOfAnUnknownEntryIsRefused() {
        assertThat(refusal(d -> { d.replaces = "urn:uuid:00000000-0000-0000-0000-000000000000"; return d; })).startsWith("XDSUnresolvedReferenceException");
    }

    @Test
    void aPatientWithoutDmpIsRefused_XDSUnknownPatientId() {
        Ins without = DmpPersonas.WITHOUT_DMP;
        Deposit deposit = new Deposit(dlu.forPerson(Sandbox.TEST_FINESS, without, null));
        deposit.ins = without;
        assertThat(refusal(deposit, gateway)).startsWith("XDSUnknownPatientId");
    }

    @Test
    void aVihfAboutAnotherPatientIsRefused_XDSPatientIdDoesNotMatch() {
        Deposit deposit = deposit(d -> d);
        deposit.ins = Ins.of("1850575111223", Ins.computeKey("1850575111223"), InsKind.NIR_TEST);
        assertThat(refusal(deposit, gateway)).startsWith("XDSPatientIdDoesNotMatch");
    }

    @Test
    void aVihfSignedOutsideIgcSanteIsRefusedBeforeAnythingElse() {
        var stranger = SANDBOX.sandbox().pki();   // same PKI, but a key that is not the one KeyInfo presents
        PrivateKeyEntry unrelated = new PrivateKeyEntry(stranger.issueSmime("stranger.p12", "x@test.mssante.fr").privateKey(), settings.orgSign().chain());
        assertThatThrownBy(() -> deposit(d -> d).send(gatewaySigningVihfWith(unrelated)))
                .isInstanceOf(RemoteServiceException.class).extracting(e -> ((RemoteServiceException) e).code()).isEqualTo("DMP-VIHF");
    }
}
