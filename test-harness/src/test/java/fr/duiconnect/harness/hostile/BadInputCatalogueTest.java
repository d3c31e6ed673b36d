package fr.duiconnect.harness.hostile;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.identity.IdentityGuard;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.xds.XdsMetadataReader;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.harness.fhir.InsPersona;
import fr.duiconnect.harness.junit.LogCapture;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.mssante.xdm.XdmLimits;
import fr.duiconnect.mssante.xdm.XdmUnpacker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile or broken inputs, one per case: each gets a typed error with a stable code and a clear message, the
 * connector keeps working afterwards, and nothing protected reaches the logs above DEBUG.
 */
class BadInputCatalogueTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.EPRESCRIPTION);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    /** One hostile input: what it is, the code it must get, and how it reaches the connector. */
    record Case(String name, String expectedCode, ThrowingAction action) {
        @Override public String toString() { return name + " → " + expectedCode; }
    }

    @FunctionalInterface
    interface ThrowingAction {
        void run() throws Exception;
    }

    private static final IdentityTraits TRAITS = new IdentityTraits("MARTIN", List.of("JEAN", "PIERRE"), null, null, Sex.M,
            LocalDate.of(1935, 5, 12), "75112");
    private static final Ins INS = Ins.parse("279035121518989", InsKind.NIR_TEST);
    private static final XdmUnpacker UNPACKER = new XdmUnpacker(new XdmLimits(20, 2 * 1024 * 1024, 1024 * 1024, 50));
    private static final List<String> SEEN = new ArrayList<>();

    static List<Case> catalogue() {
        List<Case> cases = new ArrayList<>();
        // Matricules INS and national identifiers
        cases.add(new Case("NIR key off by one", "INS-KEY-INVALID", () -> Ins.parse("279035121518988", InsKind.NIR)));
        cases.add(new Case("NIR key 00", "INS-KEY-INVALID", () -> Ins.parse("279035121518900", InsKind.NIR)));
        cases.add(new Case("Corsican NIR with the mainland key", "INS-KEY-INVALID", () -> Ins.parse("180032B02040124", InsKind.NIR)));
        cases.add(new Case("NIA with a wrong key", "INS-KEY-INVALID", () -> Ins.parse("109076322088836", InsKind.NIA)));
        cases.add(new Case("matricule of 14 characters", "CORE-INPUT-FORMAT", () -> Ins.parse("27903512151898", InsKind.NIR)));
        cases.add(new Case("matricule with letters", "CORE-INPUT-FORMAT", () -> Ins.parse("2790351X1518989", InsKind.NIR)));
        cases.add(new Case("department 2C", "CORE-INPUT-FORMAT", () -> Ins.of("180032C020401", "23", InsKind.NIR)));
        cases.add(new Case("unknown INS assigning authority", "CORE-INPUT-FORMAT", () -> InsKind.fromOid("1.2.250.1.213.1.4.99")));
        cases.add(new Case("sex X", "CORE-INPUT-FORMAT", () -> Sex.parse("X", "sex")));
        cases.add(new Case("birth place of 4 characters", "CORE-INPUT-FORMAT",
                () -> new IdentityTraits("MARTIN", List.of("JEAN"), null, null, Sex.M, LocalDate.of(1935, 5, 12), "7511")));
        cases.add(new Case("FINESS of 8 characters", "CORE-INPUT-FORMAT", () -> Finess.of("75000001")));
        cases.add(new Case("RPPS with a wrong check digit", "CORE-RPPS-FORMAT",
                () -> new Professional(ProfessionalIdKind.RPPS, "10000001016", "MARTIN", "ANNE", null, null)));
        // Identitovigilance
        cases.add(new Case("recovered (RECUP) identity towards the DMP", "INS-IDENTITY-NOT-QUALIFIED",
                () -> IdentityGuard.requireQualified(new PersonIdentity("IPP-1", TRAITS, INS, IdentityStatus.RECUP, Set.of()), "DMP deposit")));
        cases.add(new Case("validated (VALI) identity towards a patient address", "INS-IDENTITY-NOT-QUALIFIED",
                () -> IdentityGuard.requireQualified(new PersonIdentity("IPP-2", TRAITS, INS, IdentityStatus.VALI, Set.of()), "MSSanté to a patient")));
        cases.add(new Case("provisional identity towards e-parcours", "INS-IDENTITY-NOT-QUALIFIED",
                () -> IdentityGuard.requireQualified(PersonIdentity.provisional("IPP-3", TRAITS), "e-parcours note")));
        cases.add(new Case("fictitious identity", "INS-IDENTITY-DOUT-FICT",
                () -> IdentityGuard.requireQualified(new PersonIdentity("IPP-4", TRAITS, null, IdentityStatus.PROV,
                        Set.of(IdentityAttribute.FICT)), "DMP deposit")));
        cases.add(new Case("doubtful identity claiming QUAL", "INS-IDENTITY-DOUT-FICT",
                () -> new PersonIdentity("IPP-5", TRAITS, INS, IdentityStatus.QUAL, Set.of(IdentityAttribute.DOUT))));
        // XML from outside (SOAP answers, METADATA.XML, CDA)
        cases.add(new Case("XXE in a SOAP answer", "CORE-INPUT-FORMAT", () -> SecureXml.parse(bytes(
                "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\">&x;</e:Envelope>"), "INSi response")));
        cases.add(new Case("entity expansion (billion laughs)", "CORE-INPUT-FORMAT", () -> SecureXml.parse(bytes(
                "<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"), "DMP response")));
        cases.add(new Case("external DTD", "CORE-INPUT-FORMAT",
                () -> SecureXml.parse(bytes("<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/x.dtd\"><r/>"), "CDA")));
        cases.add(new Case("truncated SOAP answer", "CORE-INPUT-FORMAT",
                () -> SecureXml.parse(bytes("<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body><R"), "INSi response")));
        cases.add(new Case("invalid UTF-8 in XML", "CORE-INPUT-FORMAT", () -> SecureXml.parse(new byte[] {
                '<', 'r', '>', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '<', '/', 'r', '>'}, "METADATA.XML")));
        cases.add(new Case("empty body", "CORE-INPUT-FORMAT", () -> SecureXml.parse(new byte[0], "SOAP answer")));
        cases.add(new Case("METADATA.XML that is not a SubmitObjectsRequest", "CORE-INPUT-FORMAT",
                () -> XdsMetadataReader.read(bytes("<Envelope/>"))));
        cases.add(new Case("METADATA.XML without RegistryObjectList", "CORE-INPUT-REQUIRED", () -> XdsMetadataReader.read(bytes(
                "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\"/>"))));
        cases.add(new Case("METADATA.XML without document entry", "CORE-INPUT-REQUIRED", () -> XdsMetadataReader.read(bytes(
                "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
                        + "<rim:RegistryObjectList><rim:RegistryPackage id=\"s\"/></rim:RegistryObjectList></lcm:SubmitObjectsRequest>"))));
        // Inbound XDM archives (MSSanté)
        cases.add(new Case("zip slip with ../", "MSS-XDM-PATH", () -> UNPACKER.unpack(zip("IHE_XDM/SUBSET01/../../../etc/cron.d/x", bytes("x")))));
        cases.add(new Case("zip slip with an absolute path", "MSS-XDM-PATH", () -> UNPACKER.unpack(zip("/etc/passwd", bytes("x")))));
        cases.add(new Case("zip slip with a backslash path", "MSS-XDM-PATH", () -> UNPACKER.unpack(zip("..\\..\\windows\\x", bytes("x")))));
        cases.add(new Case("zip bomb (expansion ratio)", "MSS-XDM-RATIO", () -> UNPACKER.unpack(zip("IHE_XDM/SUBSET01/DOC0001.XML", new byte[900_000]))));
        cases.add(new Case("archive over the total size", "MSS-XDM-SIZE", () -> UNPACKER.unpack(zip("IHE_XDM/SUBSET01/DOC0001.XML", random(1_100_000)))));
        cases.add(new Case("archive with too many entries", "MSS-XDM-ENTRY-COUNT", () -> UNPACKER.unpack(manyEntries(30))));
        cases.add(new Case("attachment that is not a ZIP", "MSS-XDM-NOT-ZIP", () -> UNPACKER.unpack(bytes("PK this is not really a zip"))));
        cases.add(new Case("truncated ZIP", "MSS-XDM-NOT-ZIP", () -> {
            byte[] whole = zip("IHE_XDM/SUBSET01/DOC0001.XML", random(5000));
            UNPACKER.unpack(java.util.Arrays.copyOf(whole, whole.length / 2));
        }));
        // FHIR content (e-prescription)
        cases.add(new Case("FHIR: a Patient where a Bundle is expected", "EPRESC-CONTENT-UNREADABLE",
                () -> eprescription().importContent("{\"resourceType\":\"Patient\",\"id\":\"p\"}", persona())));
        cases.add(new Case("FHIR: not JSON at all", "EPRESC-CONTENT-UNREADABLE",
                () -> eprescription().importContent("<Bundle xmlns=\"http://hl7.org/fhir\"><oops", persona())));
        cases.add(new Case("FHIR: truncated JSON", "EPRESC-CONTENT-UNREADABLE",
                () -> eprescription().importContent("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[", persona())));
        cases.add(new Case("FHIR: an empty Bundle", "EPRESC-NO-LINE",
                () -> eprescription().importContent("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}", persona())));
        cases.add(new Case("FHIR: an unknown resource type", "EPRESC-CONTENT-UNREADABLE",
                () -> eprescription().importContent("{\"resourceType\":\"Prescriptionx\"}", persona())));
        cases.add(new Case("unknown prescription number", "EPRESC-NOT-FOUND",
                () -> eprescription().importPrescription("NO-SUCH-NUMBER", persona())));
        cases.add(new Case("prescription of another person (identitovigilance)", "EPRESC-IDENTITY-MISMATCH",
                () -> eprescription().importPrescription("SIM7000002", InsPersona.ALL.get(2).identity())));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachHostileInputGetsATypedErrorWithItsCode(Case hostile) {
        assertThatThrownBy(hostile.action()::run)
                .isInstanceOf(DuiConnectException.class)
                .satisfies(error -> {
                    assertThat(((DuiConnectException) error).code()).isEqualTo(hostile.expectedCode());
                    assertThat(error.getMessage()).startsWith("[" + hostile.expectedCode() + "]").hasSizeGreaterThan(20);
                });
        logs.assertNothingContains("279035121518989", "MARTIN", "DUBOIS", "root:x:0");
        SEEN.add(hostile.name());
    }

    @Test
    void theCatalogueHoldsAtLeastFortyCases() {
        assertThat(catalogue()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(catalogue().stream().map(Case::name).distinct()).hasSameSizeAs(catalogue());
    }

    @AfterAll
    static void theConnectorStillWorksAfterTheWholeCatalogue() {
        assertThat(eprescription().importPrescription("SIM7000002", persona()).prescription().number()).isEqualTo("SIM7000002");
    }

    private static fr.duiconnect.core.eprescription.EPrescriptionClient eprescription() {
        return SANDBOX.connector().eprescription();
    }

    private static PersonIdentity persona() {
        return InsPersona.ALL.get(1).identity();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new java.util.Random(7).nextBytes(data);
        return data;
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] manyEntries(int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("IHE_XDM/SUBSET01/DOC" + i + ".XML"));
                zip.write(bytes("<x/>"));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
