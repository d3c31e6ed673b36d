package fr.duiconnect.mssante.xdm;

import fr.duiconnect.core.xds.XdsMetadataReader;
import fr.duiconnect.core.xds.XdsSubmission;
import fr.duiconnect.mssante.Fixtures;
import fr.duiconnect.mssante.XdsMetadataBridge;
import fr.duiconnect.mssante.compose.MessageComposer;
import fr.duiconnect.mssante.compose.MssHeaders;
import fr.duiconnect.mssante.receive.InboundParser;
import fr.duiconnect.mssante.receive.ParsedMessage;
import fr.duiconnect.mssante.smime.SmimeLayer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** METADATA.XML of the archive, written and read by the core's shared XDS writer and reader. */
class XdmMetadataTest {

    private final Session session = Session.getInstance(new Properties());

    private MimeMessage composed() {
        return new MessageComposer(Fixtures.settings(), XdsMetadataBridge.writer(), Clock.systemUTC())
                .compose(Fixtures.message().build(), session).message();
    }

    private static byte[] xdm(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = xdm(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (MssHeaders.XDM_FILE_NAME.equals(part.getFileName())) {
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        }
        return null;
    }

    @Test
    void eco_2_1_2_metadata_xml_names_the_patient_and_describes_each_document_with_uri_hash_and_size() throws Exception {
        XdmArchive archive = new XdmUnpacker(XdmLimits.DEFAULT).unpack(xdm(composed()));
        XdsSubmission submission = XdsMetadataReader.read(archive.metadataXml().orElseThrow());
        assertThat(submission.submissionSet().patientId().matricule()).isEqualTo(Fixtures.INS.matricule());
        assertThat(submission.submissionSet().sourceId()).isEqualTo(Fixtures.settings().sourceId());
        assertThat(submission.documents()).singleElement().satisfies(document -> {
            byte[] cda = archive.entry("IHE_XDM/SUBSET01/" + document.uri()).orElseThrow();
            assertThat(document.uri()).isEqualTo("DOC0001.XML");
            assertThat(document.metadata().patientId().matricule()).isEqualTo(Fixtures.INS.matricule());
            assertThat(document.metadata().typeCode().code()).isEqualTo("74207-2");
            assertThat(document.metadata().size()).isEqualTo(cda.length);
            try {
                assertThat(document.metadata().hash()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cda)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void received_mail_documents_carry_their_metadata_from_metadata_xml() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        composed().writeTo(raw);
        InboundParser parser = new InboundParser(new SmimeLayer(List.of()), null, new XdmUnpacker(XdmLimits.DEFAULT), XdsMetadataBridge.reader());
        var mail = ((ParsedMessage.Mail) parser.parse(raw.toByteArray())).mail();
        assertThat(mail.person().matricule()).isEqualTo(Fixtures.INS.matricule());
        assertThat(mail.documents()).singleElement().satisfies(document -> {
            assertThat(document.metadata()).isNotNull();
            assertThat(document.metadata().title()).isEqualTo("Dossier de liaison d'urgence");
            assertThat(document.mimeType()).isEqualTo("text/xml");
        });
    }
}
