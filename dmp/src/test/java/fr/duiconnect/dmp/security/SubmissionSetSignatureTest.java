package fr.duiconnect.dmp.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The XAdES-signed lot de soumission (PDSM4DMP TD2): manifest by uniqueId, digests of the documents. */
class SubmissionSetSignatureTest {

    static final byte[] DLU = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSignatureCoversEveryDocumentByUniqueIdAndVerifies() throws Exception {
        byte[] signature = new SubmissionSetSignature(VihfTest.ORG_SIGN, "rsa-sha256", "sha256", Clock.systemUTC()).sign("2.25.1", "2.25.2", DLU);
        String xml = new String(signature, StandardCharsets.UTF_8);
        assertThat(xml).contains("Id=\"IHEManifest\"").contains("URI=\"urn:oid:2.25.2\"").contains("1.2.840.10065.1.12.1.14")
                .contains("xades:SigningCertificate").contains("xades:SignaturePolicyImplied");
        assertThat(new SubmissionSetSignatureVerifier(List.of(VihfTest.ORG_SIGN.certificate())).verify(signature, Map.of("2.25.2", DLU)))
                .isEqualTo(VihfTest.ORG_SIGN.certificate());
    }

    @Test
    void aDocumentChangedAfterSigningIsDetected() {
        byte[] signature = new SubmissionSetSignature(VihfTest.ORG_SIGN, "rsa-sha256", "sha256", Clock.systemUTC()).sign("2.25.1", "2.25.2", DLU);
        byte[] altered = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><x/></ClinicalDocument>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new SubmissionSetSignatureVerifier(List.of(VihfTest.ORG_SIGN.certificate())).verify(signature, Map.of("2.25.2", altered)))
                .isInstanceOf(VihfVerifier.VihfRefusal.class).hasMessageContaining("digest");
    }

    @Test
    void aDocumentLeftOutOfTheManifestIsDetected() {
        byte[] signature = new SubmissionSetSignature(VihfTest.ORG_SIGN, "rsa-sha256", "sha256", Clock.systemUTC()).sign("2.25.1", "2.25.2", DLU);
        assertThatThrownBy(() -> new SubmissionSetSignatureVerifier(List.of(VihfTest.ORG_SIGN.certificate()))
                .verify(signature, Map.of("2.25.2", DLU, "2.25.3", DLU)))
                .isInstanceOf(VihfVerifier.VihfRefusal.class).hasMessageContaining("manifest references");
    }

    @Test
    void theSha1VariantOfOlderDmpSetUpsIsAvailable() throws Exception {
        byte[] signature = new SubmissionSetSignature(VihfTest.ORG_SIGN, "rsa-sha1", "sha1", Clock.systemUTC()).sign("2.25.1", "2.25.2", DLU);
        assertThat(new String(signature, StandardCharsets.UTF_8)).contains("xmldsig#rsa-sha1").contains("xmldsig#sha1");
        new SubmissionSetSignatureVerifier(List.of(VihfTest.ORG_SIGN.certificate())).verify(signature, Map.of("2.25.2", DLU));
    }
}
