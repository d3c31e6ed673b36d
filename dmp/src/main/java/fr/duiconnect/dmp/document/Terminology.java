package fr.duiconnect.dmp.document;

import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.xml.SecureXml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The value sets (NOS jeux de valeurs, IHE SVS files of the ANS kit's {@code jeuxDeValeurs/}) that structuration
 * minimale checks the header's codes against, read from the configured kit (never copied into the product). They
 * give the display name when the DUI holds only a code, and refuse a code outside its set before anything is
 * written. Without a kit ({@link #none()}), the DUI's own display names are required instead. Immutable.
 */
public final class Terminology {

    /** The value sets of the codes the DUI supplies, with the file of the kit that holds each one. */
    public enum ValueSet {
        AUTHOR_SPECIALTY("JDV_J01_XdsAuthorSpecialty_CISIS"),
        FACILITY_TYPE("JDV_J02_XdsHealthcareFacilityTypeCode_CISIS"),
        PRACTICE_SETTING("JDV_J04_XdsPracticeSettingCode_CISIS"),
        RELATIONSHIP("JDV_J11_RelationPatient_CISIS");

        private final String name;

        ValueSet(String name) {
            this.name = name;
        }

        public String jdv() {
            return name;
        }
    }

    private static final String SVS = "urn:ihe:iti:svs:2008";

    /** Per value set: "code|codeSystem" → concept. */
    private final Map<ValueSet, Map<String, Code>> concepts;

    private Terminology(Map<ValueSet, Map<String, Code>> concepts) {
        this.concepts = concepts;
    }

    /** No value sets: codes are taken as given, and a code without display name is refused. */
    public static Terminology none() {
        return new Terminology(Map.of());
    }

    /** The value sets of the kit at {@code kitDirectory} ({@code jeuxDeValeurs/JDV_*.xml}). */
    public static Terminology fromKit(Path kitDirectory) {
        Map<ValueSet, Map<String, Code>> all = new EnumMap<>(ValueSet.class);
        for (ValueSet set : ValueSet.values()) {
            Path file = kitDirectory.resolve("jeuxDeValeurs").resolve(set.jdv() + ".xml");
            try {
                all.put(set, read(Files.readAllBytes(file), set));
            } catch (IOException e) {
                throw new ConfigurationException("kit", "the value set " + set.jdv() + " cannot be read at " + file + ": " + e.getMessage(), e);
            }
        }
        return new Terminology(all);
    }

    private static Map<String, Code> read(byte[] svs, ValueSet set) {
        Map<String, Code> codes = new LinkedHashMap<>();
        NodeList list = SecureXml.parse(svs, set.jdv()).getElementsByTagNameNS(SVS, "Concept");
        for (int i = 0; i < list.getLength(); i++) {
            Element concept = (Element) list.item(i);
            Code code = new Code(concept.getAttribute("code"), concept.getAttribute("codeSystem"), concept.getAttribute("displayName"));
            codes.put(code.code() + "|" + code.codeSystem(), code);
        }
        if (codes.isEmpty()) {
            throw new ConfigurationException("kit", "the value set " + set.jdv() + " has no concept");
        }
        return codes;
    }

    /** Whether this terminology holds the value set (it does for every set when read from a kit). */
    public boolean holds(ValueSet set) {
        return concepts.containsKey(set);
    }

    /** The concept of the value set with this code and code system, if the set holds it. */
    public Optional<Code> concept(ValueSet set, String code, String codeSystem) {
        return Optional.ofNullable(concepts.getOrDefault(set, Map.of()).get(code + "|" + codeSystem));
    }
}
