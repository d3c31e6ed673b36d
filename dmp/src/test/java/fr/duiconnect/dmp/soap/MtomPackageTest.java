package fr.duiconnect.dmp.soap;

import fr.duiconnect.core.error.DuiConnectException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SOAP 1.2 + MTOM/XOP packaging (W3C XOP; IHE ITI TF-2x V.3.6). */
class MtomPackageTest {

    static final byte[] ENVELOPE = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void binaryPartsTravelUnchangedAndAreFoundByContentId() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;   // every byte value, CR and LF included: no transfer encoding may touch it
        }
        String id = MtomPackage.newContentId();
        MtomPackage.Encoded encoded = MtomPackage.write(ENVELOPE, List.of(new MtomPackage.Part(id, "application/octet-stream", binary)), "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b");
        assertThat(encoded.contentType()).startsWith("multipart/related").contains("type=\"application/xop+xml\"").contains("start-info=\"application/soap+xml\"");
        MtomPackage.Decoded decoded = MtomPackage.read(encoded.body(), encoded.contentType(), 8);
        assertThat(decoded.envelope()).isEqualTo(ENVELOPE);
        assertThat(decoded.part("cid:" + id).content()).isEqualTo(binary);
    }

    @Test
    void anIncludeNamingNoPartIsRefused() {
        MtomPackage.Encoded encoded = MtomPackage.write(ENVELOPE, List.of(), null);
        MtomPackage.Decoded decoded = MtomPackage.read(encoded.body(), encoded.contentType(), 8);
        assertThatThrownBy(() -> decoded.part("cid:missing@x")).isInstanceOf(DuiConnectException.class).hasMessageContaining("names no MIME part");
    }

    @Test
    void tooManyPartsAreRefused() {
        List<MtomPackage.Part> parts = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> new MtomPackage.Part(MtomPackage.newContentId(), "text/plain", new byte[] {1})).toList();
        MtomPackage.Encoded encoded = MtomPackage.write(ENVELOPE, parts, null);
        assertThatThrownBy(() -> MtomPackage.read(encoded.body(), encoded.contentType(), 4)).isInstanceOf(DuiConnectException.class)
                .hasMessageContaining("between 1 and 4 parts");
    }

    @Test
    void anythingButSoapOrMultipartIsRefused() {
        assertThatThrownBy(() -> MtomPackage.read("<html/>".getBytes(StandardCharsets.UTF_8), "text/html", 4))
                .isInstanceOf(DuiConnectException.class).hasMessageContaining("not multipart/related");
    }
}
