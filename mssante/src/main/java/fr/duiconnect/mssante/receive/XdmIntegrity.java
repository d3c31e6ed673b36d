package fr.duiconnect.mssante.receive;

import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.mssante.InboundDocument;
import fr.duiconnect.core.xds.DocumentMetadata;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.mssante.MssanteErrorCode;
import fr.duiconnect.mssante.xdm.XdmArchive;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What makes a received archive fit to be filed (#19 point 4), checked before anything is handed to the DUI:
 * <ul>
 *   <li>one person: METADATA.XML's patientId (submission set and every document entry), the INS of each CDA's
 *       {@code recordTarget/patientRole/id} and the {@code X-MSS-INS} flag agree; a message that names two people, or
 *       a CDA without its person, is refused ({@code MSS-PATIENT-MISMATCH}), never filed under one of them;</li>
 *   <li>intact documents: every document METADATA.XML lists is in the archive with the size and SHA-1 it gives
 *       ({@code MSS-XDM-INTEGRITY});</li>
 *   <li>only listed documents: an entry METADATA.XML does not describe (a nested zip slipped in) is not a document
 *       and is not handed over.</li>
 * </ul>
 */
final class XdmIntegrity {

    private static final String HL7 = "urn:hl7-org:v3";
    private static final Set<String> INS_OIDS = Stream.of(InsKind.values()).map(InsKind::oid).collect(Collectors.toUnmodifiableSet());

    /** The documents to hand over, in METADATA.XML's order; throws when the archive is not fit to be filed. */
    List<InboundDocument> documents(XdmArchive archive, MetadataXmlReader.Content content, String insHeader) {
        Ins patient = content.patient();
        if (patient == null) {
            throw new InvalidInputException(MssanteErrorCode.XDM_METADATA, "METADATA.XML", "names no patientId (ECO.2.1.2)");
        }
        List<InboundDocument> documents = new ArrayList<>();
        for (Map.Entry<String, DocumentMetadata> listed : content.documentsByUri().entrySet()) {
            String path = XdmArchive.SUBSET + listed.getKey();
            DocumentMetadata entry = listed.getValue();
            byte[] bytes = archive.entry(path).orElseThrow(() -> integrity(path, "is listed in METADATA.XML but absent from the archive"));
            if (!samePerson(entry.patientId(), patient)) {
                throw mismatch(path, "its document entry names the patient " + masked(entry.patientId()) + ", the submission set " + masked(patient));
            }
            if (entry.hash() == null) {
                throw integrity(path, "METADATA.XML gives no hash for it (required on XDM media)");
            }
            if (entry.size() != bytes.length) {
                throw integrity(path, "is " + bytes.length + " bytes, METADATA.XML says " + entry.size());
            }
            if (!entry.hash().equals(sha1(bytes))) {
                throw integrity(path, "its SHA-1 is not the hash METADATA.XML gives: altered after it was described");
            }
            if (isCda(entry, bytes)) {
                checkRecordTarget(path, bytes, patient, insHeader);
            }
            documents.add(new InboundDocument(path, entry.mimeType(), bytes, entry));
        }
        return documents;
    }

    private static void checkRecordTarget(String path, byte[] cda, Ins patient, String insHeader) {
        RecordTarget target = recordTarget(path, cda);
        if (!target.present()) {
            throw mismatch(path, "the CDA has no recordTarget: it does not say whom it concerns");
        }
        if (target.insIds().isEmpty()) {
            if ("O".equalsIgnoreCase(insHeader == null ? null : insHeader.strip())) {
                throw mismatch(path, "X-MSS-INS says O (a qualified INS) but the CDA's recordTarget carries no INS");
            }
            return;
        }
        for (String[] id : target.insIds()) {
            if (!(id[0].equals(patient.oid()) && id[1].equals(patient.matricule()))) {
                throw mismatch(path, "the CDA's recordTarget names the INS " + masked(id[1]) + ", METADATA.XML the INS " + masked(patient));
            }
        }
    }

    /** recordTarget/patientRole/id of the header; ids as {root, extension}, INS roots only. */
    private record RecordTarget(boolean present, List<String[]> insIds) {
    }

    private static RecordTarget recordTarget(String path, byte[] cda) {
        List<String[]> ids = new ArrayList<>();
        boolean present = false;
        try {
            XMLStreamReader reader = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(cda));
            try {
                int depth = 0;
                int recordTargetDepth = -1;
                int patientRoleDepth = -1;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        String name = HL7.equals(reader.getNamespaceURI()) ? reader.getLocalName() : "";
                        if (depth == 2 && name.equals("recordTarget")) {
                            present = true;
                            recordTargetDepth = depth;
                        } else if (recordTargetDepth > 0 && depth == recordTargetDepth + 1 && name.equals("patientRole")) {
                            patientRoleDepth = depth;
                        } else if (patientRoleDepth > 0 && depth == patientRoleDepth + 1 && name.equals("id")) {
                            String root = reader.getAttributeValue(null, "root");
                            String extension = reader.getAttributeValue(null, "extension");
                            if (root != null && INS_OIDS.contains(root.strip())) {
                                ids.add(new String[] {root.strip(), extension == null ? "" : extension.strip()});
                            }
                        } else if (depth == 2 && present && name.equals("component")) {
                            break; // the header is over: the body cannot name the person
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == patientRoleDepth) {
                            patientRoleDepth = -1;
                        }
                        if (depth == recordTargetDepth) {
                            recordTargetDepth = -1;
                        }
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidInputException(MssanteErrorCode.XDM_LAYOUT, path, "the CDA is not well-formed XML");
        }
        return new RecordTarget(present, ids);
    }

    private static boolean isCda(DocumentMetadata entry, byte[] bytes) {
        if (!entry.mimeType().toLowerCase(java.util.Locale.ROOT).contains("xml")) {
            return false;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("ClinicalDocument");
    }

    private static boolean samePerson(Ins a, Ins b) {
        return a != null && a.oid().equals(b.oid()) && a.matricule().equals(b.matricule());
    }

    /** An INS in a message: the last four digits only (patient data never shown whole in errors and logs). */
    private static String masked(Ins ins) {
        return ins == null ? "(none)" : masked(ins.matricule());
    }

    private static String masked(String matricule) {
        return matricule.length() <= 4 ? "****" : "…" + matricule.substring(matricule.length() - 4);
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static InvalidInputException mismatch(String path, String message) {
        return new InvalidInputException(MssanteErrorCode.PATIENT_MISMATCH, path, message);
    }

    private static InvalidInputException integrity(String path, String message) {
        return new InvalidInputException(MssanteErrorCode.XDM_DOCUMENT_INTEGRITY, path, message);
    }
}
