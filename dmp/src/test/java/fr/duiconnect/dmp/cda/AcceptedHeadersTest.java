package fr.duiconnect.dmp.cda;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A header read at acceptance serves the delivery of the same bytes once, and never another document's. */
class AcceptedHeadersTest {

    private static byte[] kitDlu(String uniqueIdExtension) throws Exception {
        Path kit = Path.of(System.getProperty("dui.shared.dir", "../../shared"), "conformance/ans-cda-kit/ExemplesCDA/DLU-EHPAD-DLU_2022.01.xml");
        String xml = Files.readString(kit, StandardCharsets.UTF_8);
        return xml.replace("1.2.250.1.213.1.1.1.22.2022.1.1", "1.2.250.1.213.1.1.1.22.2022.1." + uniqueIdExtension).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDeliveryOfTheAcceptedBytesGetsTheHeaderReadAtAcceptance() throws Exception {
        AcceptedHeaders headers = new AcceptedHeaders();
        byte[] cda = kitDlu("1");
        CdaHeader accepted = headers.read(cda);
        assertThat(headers.take(cda.clone())).isSameAs(accepted);   // the journal hands back a copy of the bytes
    }

    @Test
    void anotherDocumentIsReadNotGivenTheAcceptedHeader() throws Exception {
        AcceptedHeaders headers = new AcceptedHeaders();
        CdaHeader accepted = headers.read(kitDlu("1"));
        CdaHeader other = headers.take(kitDlu("2"));
        assertThat(other).isNotSameAs(accepted);
        assertThat(other.uniqueId()).isEqualTo("1.2.250.1.213.1.1.1.22.2022.1.2");
    }

    @Test
    void aHeaderServesOneDeliveryThenTheDocumentIsReadAgain() throws Exception {
        AcceptedHeaders headers = new AcceptedHeaders();
        byte[] cda = kitDlu("1");
        CdaHeader accepted = headers.read(cda);
        headers.take(cda);
        CdaHeader retried = headers.take(cda);
        assertThat(retried).isNotSameAs(accepted).isEqualTo(accepted);
        assertThat(headers.size()).isZero();
    }

    @Test
    void theOldestHeadersGoBeyondTheBound() throws Exception {
        AcceptedHeaders headers = new AcceptedHeaders();
        byte[] first = kitDlu("0");
        CdaHeader firstHeader = headers.read(first);
        for (int i = 1; i <= AcceptedHeaders.CAPACITY; i++) {
            headers.read(kitDlu(Integer.toString(i)));
        }
        assertThat(headers.size()).isEqualTo(AcceptedHeaders.CAPACITY);
        assertThat(headers.take(first)).isNotSameAs(firstHeader).isEqualTo(firstHeader);
    }
}
