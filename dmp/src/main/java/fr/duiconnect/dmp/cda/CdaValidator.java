package fr.duiconnect.dmp.cda;

import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.xml.SecureXml;
import fr.duiconnect.dmp.DmpErrorCode;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a CDA document the way the ANS kit (TestContenuCDA) does: the CDA R2 schema with the French extensions,
 * then the volet's schematron and the structuration-minimale schematron, compiled with SchXslt on Saxon-HE.
 *
 * <p>The kit stays where it is configured (never copied into the product): this validator works on a private
 * copy of its {@code schematrons/} and {@code jeuxDeValeurs/} in a temporary folder, where it places the kit's
 * documented {@code _local-fixes/} (file-name case defects of the published commit). Compiled schematrons are
 * cached per validator: create one validator and reuse it. Thread-safe.
 */
public final class CdaValidator implements AutoCloseable {

    /** CDA templateId of a volet → its schematron, relative to {@code schematrons/}. */
    private static final Map<String, String> VOLETS = Map.of(
            "1.2.250.1.213.1.1.1.22", "CI-SIS_DLU-EHPAD-DLU_2022.01.sch",
            "1.2.250.1.213.1.1.1.23", "CI-SIS_DLU-EHPAD-FLUDT_2022.01.sch",
            "1.2.250.1.213.1.1.1.24", "CI-SIS_DLU-EHPAD-FLUDR_2022.01.sch",
            "1.2.250.1.213.1.1.1.51", "CI-SIS_IPS-FR_2024.01.sch");
    /** One validator per kit in this JVM: compiling the schematrons takes seconds, validating milliseconds. */
    private static final Map<Path, CdaValidator> SHARED = new ConcurrentHashMap<>();
    private static final String DLU_TEMPLATE = "1.2.250.1.213.1.1.1.22";
    private static final String STRUCTURATION_MINIMALE = "profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch";
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";

    private final Path kit;
    private final Path workCopy;
    private final Processor saxon = new Processor(false);
    private final Schema cdaSchema;
    private final Map<String, XsltExecutable> compiled = new ConcurrentHashMap<>();

    public CdaValidator(Path kitDirectory) {
        this.kit = kitDirectory.toAbsolutePath().normalize();
        for (String part : List.of("schematrons", "jeuxDeValeurs", "infrastructure/cda/CDA_extended.xsd")) {
            if (!Files.exists(kit.resolve(part))) {
                throw new ConfigurationException("kit", "the ANS CDA kit at " + kit + " has no " + part);
            }
        }
        try {
            this.workCopy = Files.createTempDirectory("dui-cda-kit-");
            copyTree(kit.resolve("schematrons"), workCopy.resolve("schematrons"));
            copyTree(kit.resolve("jeuxDeValeurs"), workCopy.resolve("jeuxDeValeurs"));
            placeLocalFixes();
        } catch (IOException e) {
            throw new UncheckedIOException("the kit cannot be prepared", e);
        }
        this.cdaSchema = loadSchema(kit.resolve("infrastructure/cda/CDA_extended.xsd"));
    }

    /**
     * The validator of this kit shared by the whole JVM (simulators, conformance runs, tests): compiled once, thread-safe,
     * its working copy removed when the JVM ends. Not to be closed by its users.
     */
    public static CdaValidator shared(Path kitDirectory) {
        return SHARED.computeIfAbsent(kitDirectory.toAbsolutePath().normalize(), kit -> {
            CdaValidator validator = new CdaValidator(kit);
            Runtime.getRuntime().addShutdownHook(new Thread(validator::close, "cda-validator-cleanup"));
            return validator;
        });
    }

    /**
     * Compiles now what validating a DLU with these profiles needs (the DLU volet, structuration minimale, the
     * profiles), so that no caller waits for it later: a server validating documents does this before it listens.
     */
    public CdaValidator prepared(Set<CdaProfile> profiles) {
        compile(VOLETS.get(DLU_TEMPLATE));
        compile(STRUCTURATION_MINIMALE);
        profiles.forEach(profile -> compile(profile.schematron()));
        return this;
    }

    private void placeLocalFixes() throws IOException {
        Path fixes = kit.resolve("_local-fixes");
        Path directive = fixes.resolve("E_directiveAnticipee_int.sch");
        Path directiveTarget = workCopy.resolve("schematrons/include/entrees/E_directiveAnticipee_int.sch");
        if (Files.exists(directive) && !Files.exists(directiveTarget)) {
            Files.copy(directive, directiveTarget);
        }
        Path voc = fixes.resolve("voc-1.2.250.1.213.1.1.5.471-DYNAMIC.xml");
        Path vocTarget = workCopy.resolve("schematrons/profils/structurationMinimale/include/voc-1.2.250.1.213.1.1.5.471-DYNAMIC.xml");
        if (Files.exists(voc) && !Files.exists(vocTarget)) {
            Files.copy(voc, vocTarget);
        }
    }

    /** Validates against the schema, the volet's schematron (found from the templateIds) and structuration minimale. */
    public CdaValidationReport validate(byte[] cda) {
        return validate(cda, Set.of());
    }

    /**
     * The same, plus the kit's body profiles (IHE PCC entries, CI-SIS content models), which check the structured
     * body's entries the volet and structuration minimale leave alone. Level-1 documents have no entries to check.
     */
    public CdaValidationReport validate(byte[] cda, Set<CdaProfile> profiles) {
        Document document = SecureXml.parse(cda, "CDA document");
        List<CdaFinding> findings = new ArrayList<>(schemaFindings(document));
        List<String> schematrons = new ArrayList<>();
        String volet = voletSchematron(document.getDocumentElement());
        if (volet != null) {
            schematrons.add(volet);
        }
        schematrons.add(STRUCTURATION_MINIMALE);
        if (child(document.getDocumentElement(), "component").flatMap(c -> child(c, "structuredBody")).isPresent()) {
            profiles.stream().sorted().map(CdaProfile::schematron).forEach(schematrons::add);
        }
        int fired = 0;
        XdmNode source = saxonTree(cda);   // one tree for every schematron of this document
        for (String schematron : schematrons) {
            int[] rules = new int[1];
            findings.addAll(schematronFindings(source, schematron, rules));
            fired += rules[0];
        }
        return new CdaValidationReport(schematrons, findings, fired);
    }

    private static java.util.Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(e.getLocalName())) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    private static String voletSchematron(Element root) {
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && "templateId".equals(e.getLocalName())) {
                String schematron = VOLETS.get(e.getAttribute("root"));
                if (schematron != null) {
                    return schematron;
                }
            }
        }
        return null;
    }

    private XdmNode saxonTree(byte[] cda) {
        try {
            return saxon.newDocumentBuilder().build(new StreamSource(new ByteArrayInputStream(cda), "urn:dui-connect:cda"));
        } catch (SaxonApiException e) {
            throw new InvalidInputException(DmpErrorCode.CDA_SCHEMATRON, "cda", "the document cannot be read for the schematrons: " + e.getMessage());
        }
    }

    private List<CdaFinding> schemaFindings(Document document) {
        List<CdaFinding> findings = new ArrayList<>();
        Validator validator = cdaSchema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override public void error(SAXParseException e) { findings.add(schemaFinding(e)); }
                @Override public void fatalError(SAXParseException e) { findings.add(schemaFinding(e)); }
            });
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            findings.add(new CdaFinding("schema", "fatal", "", e.getMessage()));
        }
        return findings;
    }

    private static CdaFinding schemaFinding(SAXParseException e) {
        return new CdaFinding("schema", "xsd", e.getLineNumber() + ":" + e.getColumnNumber(), e.getMessage());
    }

    private List<CdaFinding> schematronFindings(XdmNode source, String schematron, int[] rulesFired) {
        try {
            XsltTransformer transformer = compile(schematron).load();
            transformer.setInitialContextNode(source);
            XdmDestination svrl = new XdmDestination();
            transformer.setDestination(svrl);
            transformer.transform();
            return failedAssertions(svrl.getXdmNode(), schematron, rulesFired);
        } catch (SaxonApiException e) {
            throw new InvalidInputException(DmpErrorCode.CDA_SCHEMATRON, "cda", "the schematron " + schematron + " could not run: " + e.getMessage());
        }
    }

    private XsltExecutable compile(String schematron) {
        return compiled.computeIfAbsent(schematron, name -> {
            try {
                Path sch = workCopy.resolve("schematrons").resolve(name);
                URL pipeline = CdaValidator.class.getClassLoader().getResource("xslt/2.0/pipeline-for-svrl.xsl");
                if (pipeline == null) {
                    throw new ConfigurationException("schxslt", "the SchXslt pipeline is not on the class path");
                }
                XsltCompiler compiler = saxon.newXsltCompiler();
                XsltTransformer schxslt = compiler.compile(new StreamSource(pipeline.openStream(), pipeline.toExternalForm())).load();
                schxslt.setSource(new StreamSource(sch.toFile()));
                XdmDestination stylesheet = new XdmDestination();
                stylesheet.setBaseURI(sch.toUri());
                schxslt.setDestination(stylesheet);
                schxslt.transform();
                // The compiled stylesheet's base URI is the .sch's, so value sets load relative to schematrons/ as the kit expects.
                return compiler.compile(stylesheet.getXdmNode().asSource());
            } catch (SaxonApiException | IOException e) {
                throw new ConfigurationException("kit", "the schematron " + name + " cannot be compiled: " + e.getMessage(), e);
            }
        });
    }

    private static List<CdaFinding> failedAssertions(XdmNode svrl, String schematron, int[] rulesFired) {
        List<CdaFinding> findings = new ArrayList<>();
        Node root = (Node) net.sf.saxon.dom.NodeOverNodeInfo.wrap(svrl.getUnderlyingNode());
        collect(root, schematron, findings, rulesFired);
        return findings;
    }

    private static void collect(Node node, String schematron, List<CdaFinding> findings, int[] rulesFired) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && SVRL.equals(e.getNamespaceURI())) {
                if ("fired-rule".equals(e.getLocalName())) {
                    rulesFired[0]++;
                } else if ("failed-assert".equals(e.getLocalName())) {
                    String id = e.getAttribute("id").isEmpty() ? e.getAttribute("test") : e.getAttribute("id");
                    findings.add(new CdaFinding(schematron, id, e.getAttribute("location"), e.getTextContent().trim().replaceAll("\\s+", " ")));
                }
            }
            collect(child, schematron, findings, rulesFired);
        }
    }

    private static Schema loadSchema(Path xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // The kit's schema is configured, trusted material: its own includes and DTDs are local files.
            // Documents validated against it never reach this factory's resolver (they are parsed without DOCTYPE).
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            return factory.newSchema(xsd.toFile());
        } catch (SAXException e) {
            throw new ConfigurationException("kit", "the CDA schema cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        try (var paths = Files.walk(workCopy)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing for
        }
    }
}
