package fr.duiconnect.dmp.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.duiconnect.core.dmp.content.AdvanceDirectives;
import fr.duiconnect.core.dmp.content.Allergy;
import fr.duiconnect.core.dmp.content.AttachedDocument;
import fr.duiconnect.core.dmp.content.BmrStatus;
import fr.duiconnect.core.dmp.content.CareProfessional;
import fr.duiconnect.core.dmp.content.ChecklistItem;
import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.LiaisonLetter;
import fr.duiconnect.core.dmp.content.Pathology;
import fr.duiconnect.core.dmp.content.PatientObservation;
import fr.duiconnect.core.dmp.content.PostalAddress;
import fr.duiconnect.core.dmp.content.PreferredFacility;
import fr.duiconnect.core.dmp.content.RelatedPerson;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.dmp.content.Treatment;
import fr.duiconnect.core.dmp.content.Vaccination;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.PdfContent;
import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.dmp.DmpErrorCode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link ResidentRecord} (and of a {@link LiaisonLetter}'s header data), for the command line and
 * for DUIs that keep their export as JSON. Every refusal names the JSON path ({@code treatments[2].start}) and the
 * rule; PDFs are named by a path relative to the JSON file, and read from there only. The format is shown by
 * {@code test-harness/src/main/resources/samples/resident-example.json}.
 */
public final class ResidentJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path baseDirectory;

    private ResidentJson(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    public static ResidentRecord read(Path file) {
        return new ResidentJson(parentOf(file)).resident(load(file));
    }

    public static ResidentRecord read(byte[] json, Path baseDirectory) {
        return new ResidentJson(baseDirectory).resident(parse(json));
    }

    /** A liaison letter for the resident the JSON describes, around the given PDF. */
    public static LiaisonLetter letter(Path file, LiaisonLetter.LiaisonLetterKind kind, byte[] pdf, LocalDate stayStart, LocalDate stayEnd) {
        ResidentJson reader = new ResidentJson(parentOf(file));
        JsonNode root = load(file);
        return new LiaisonLetter(kind, reader.person(required(root, "person")), reader.address(root.get("person").get("address"), "person.address"),
                reader.establishment(required(root, "establishment")), reader.professional(required(root, "author"), "author"),
                root.hasNonNull("attendingPhysician") ? reader.professional(root.get("attendingPhysician"), "attendingPhysician") : null,
                null, stayStart, stayEnd, pdf);
    }

    private ResidentRecord resident(JsonNode root) {
        ResidentRecord.Builder builder = ResidentRecord.builder(person(required(root, "person")),
                establishment(required(root, "establishment")), professional(required(root, "author"), "author"));
        JsonNode person = root.get("person");
        builder.address(address(person.get("address"), "person.address"))
                .admittedOn(date(root, "admittedOn", "admittedOn"));
        if (root.hasNonNull("attendingPhysician")) {
            builder.attendingPhysician(professional(root.get("attendingPhysician"), "attendingPhysician"));
        }
        builder.trustedPerson(related(root.get("trustedPerson"), "trustedPerson"))
                .emergencyContact(related(root.get("emergencyContact"), "emergencyContact"))
                .preferredFacility(preferredFacility(root.get("preferredFacility")));
        list(root, "activePathologies", (node, path) -> new Pathology(text(node, "cim10", path), text(node, "label", path),
                date(node, "since", path + ".since"))).forEach(builder::pathology);
        list(root, "allergies", (node, path) -> new Allergy(enumValue(Allergy.AllergyKind.class, node, "kind", path),
                text(node, "agent", path), date(node, "since", path + ".since"), date(node, "until", path + ".until"))).forEach(builder::allergy);
        list(root, "treatments", this::treatment).forEach(builder::treatment);
        if (root.hasNonNull("advanceDirectives")) {
            JsonNode d = root.get("advanceDirectives");
            builder.advanceDirectives(new AdvanceDirectives(d.path("written").asBoolean(false), optionalText(d, "whereKept"),
                    d.path("palliativeCare").asBoolean(false)));
        }
        if (root.hasNonNull("bmr")) {
            builder.bmr(enumValue(BmrStatus.class, root, "bmr", ""), optionalText(root, "bmrDetails"));
        }
        if (root.hasNonNull("observations")) {
            Iterator<Map.Entry<String, JsonNode>> fields = root.get("observations").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                PatientObservation observation = enumOf(PatientObservation.class, field.getKey(), "observations." + field.getKey());
                if (!field.getValue().isBoolean()) {
                    throw refused("observations." + field.getKey(), "true or false");
                }
                builder.observation(observation, field.getValue().asBoolean());
            }
        }
        list(root, "vaccinations", (node, path) -> new Vaccination(text(node, "vaccine", path), code(node.get("code"), path + ".code"),
                date(node, "date", path + ".date"), optionalText(node, "lot"), otherCodes(node, path)))
                .forEach(builder::vaccination);
        list(root, "attachedDocuments", this::attachment).forEach(builder::attachedDocument);
        builder.comment(optionalText(root, "comment"));
        return guarded("", builder::build);
    }

    private PersonIdentity person(JsonNode node) {
        return guarded("person", () -> {
            List<String> firstNames = new ArrayList<>();
            required(node, "firstNames", "person").forEach(n -> firstNames.add(n.asText()));
            IdentityTraits traits = new IdentityTraits(text(node, "birthName", "person"), firstNames, optionalText(node, "usedName"),
                    optionalText(node, "usedFirstName"), Sex.parse(text(node, "sex", "person"), "person.sex"),
                    requiredDate(node, "birthDate", "person.birthDate"), optionalText(node, "birthPlaceCog"));
            Ins ins = null;
            if (node.hasNonNull("ins")) {
                JsonNode i = node.get("ins");
                ins = Ins.parse(text(i, "matricule", "person.ins"), enumValue(InsKind.class, i, "kind", "person.ins"));
            }
            IdentityStatus status = enumValue(IdentityStatus.class, node, "status", "person");
            return new PersonIdentity(text(node, "localId", "person"), traits, ins, status, Set.of());
        });
    }

    private Establishment establishment(JsonNode node) {
        return guarded("establishment", () -> new Establishment(new Structure(Finess.of(text(node, "finess", "establishment")),
                node.hasNonNull("finessJuridique") ? Finess.of(node.get("finessJuridique").asText()) : null, text(node, "name", "establishment"),
                new Code(text(node, "facilityType", "establishment"), "1.2.250.1.71.4.2.4", optionalText(node, "facilityTypeName")),
                new Code(text(node, "practiceSetting", "establishment"), DocumentPreChecks.PRACTICE_SETTING_SYSTEM, optionalText(node, "practiceSettingName"))),
                address(node.get("address"), "establishment.address"), optionalText(node, "phone")));
    }

    private CareProfessional professional(JsonNode node, String path) {
        return guarded(path, () -> {
            ProfessionalIdKind kind = node.hasNonNull("idKind") ? enumValue(ProfessionalIdKind.class, node, "idKind", path) : ProfessionalIdKind.RPPS;
            if (kind == ProfessionalIdKind.RPPS && !node.hasNonNull("familyName") && !node.hasNonNull("givenName") && !node.hasNonNull("profession")) {
                // known only by RPPS: the DLU writer reads the rest from the Annuaire Santé
                return new CareProfessional(CareProfessional.byRpps(text(node, "id", path)).professional(),
                        address(node.get("address"), path + ".address"), optionalText(node, "phone"));
            }
            Professional professional = new Professional(kind, text(node, "id", path), text(node, "familyName", path),
                    optionalText(node, "givenName"), code(node.get("profession"), path + ".profession"), null);
            return new CareProfessional(professional, address(node.get("address"), path + ".address"), optionalText(node, "phone"));
        });
    }

    private RelatedPerson related(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        return guarded(path, () -> new RelatedPerson(text(node, "familyName", path), optionalText(node, "givenName"),
                optionalText(node, "relationship"), optionalText(node, "phone")));
    }

    private PreferredFacility preferredFacility(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return guarded("preferredFacility", () -> new PreferredFacility(node.hasNonNull("finess") ? Finess.of(node.get("finess").asText()) : null,
                text(node, "name", "preferredFacility"), address(node.get("address"), "preferredFacility.address"), optionalText(node, "phone")));
    }

    private Treatment treatment(JsonNode node, String path) {
        BigDecimal dose = null;
        if (node.hasNonNull("dose")) {
            if (!node.get("dose").isNumber()) {
                throw refused(path + ".dose", "a number");
            }
            dose = node.get("dose").decimalValue();
        }
        Integer times = node.hasNonNull("timesPerDay") ? node.get("timesPerDay").asInt() : null;
        BigDecimal quantity = dose;
        return guarded(path, () -> new Treatment(text(node, "medication", path), code(node.get("code"), path + ".code"),
                date(node, "start", path + ".start"), date(node, "end", path + ".end"), quantity, optionalText(node, "doseUnit"),
                times, optionalText(node, "instructions"), otherCodes(node, path)));
    }

    private AttachedDocument attachment(JsonNode node, String path) {
        ChecklistItem item = enumValue(ChecklistItem.class, node, "item", path);
        boolean attached = node.path("attached").asBoolean(false);
        if (!node.hasNonNull("pdf")) {
            return new AttachedDocument(item, attached, null);
        }
        // Inside the JSON file's folder once links are resolved, size checked before reading, type by content.
        try {
            byte[] pdf = PdfContent.readInside(baseDirectory, node.get("pdf").asText(), CdaDocumentWriter.DEFAULT_MAX_ATTACHMENT_BYTES,
                    path + ".pdf");
            return new AttachedDocument(item, attached, pdf);
        } catch (InvalidInputException e) {
            throw refused(path + ".pdf", e.detail());
        }
    }

    private static PostalAddress address(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        return guarded(path, () -> new PostalAddress(text(node, "street", path), text(node, "postalCode", path), text(node, "city", path)));
    }

    private static Code code(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        return guarded(path, () -> new Code(text(node, "code", path), text(node, "codeSystem", path), optionalText(node, "displayName")));
    }

    /** The further codings of a product ({@code otherCodes}: CIP, UCD, ATC next to a CIS), each named by its full path. */
    private static List<Code> otherCodes(JsonNode node, String path) {
        JsonNode array = node.get("otherCodes");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw refused(path + ".otherCodes", "a JSON array");
        }
        List<Code> codes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Code code = code(array.get(i), path + ".otherCodes[" + i + "]");
            if (code == null) {
                throw InvalidInputException.required(path + ".otherCodes[" + i + "]");
            }
            codes.add(code);
        }
        return codes;
    }

    // ------------------------------------------------------------------ JSON access with paths

    private interface Element<T> {
        T read(JsonNode node, String path);
    }

    private static <T> List<T> list(JsonNode root, String name, Element<T> element) {
        JsonNode array = root.get(name);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw refused(name, "a JSON array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = name + "[" + i + "]";
            JsonNode node = array.get(i);
            out.add(guarded(path, () -> element.read(node, path)));
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String name) {
        return required(node, name, "");
    }

    private static JsonNode required(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw InvalidInputException.required(join(path, name));
        }
        return value;
    }

    private static String text(JsonNode node, String name, String path) {
        String value = required(node, name, path).asText();
        if (value.isBlank()) {
            throw InvalidInputException.required(join(path, name));
        }
        return value;
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static LocalDate date(JsonNode node, String name, String path) {
        String value = optionalText(node, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw refused(path, "a date as yyyy-MM-dd, not '" + value + "'");
        }
    }

    private static LocalDate requiredDate(JsonNode node, String name, String path) {
        LocalDate date = date(node, name, path);
        if (date == null) {
            throw InvalidInputException.required(path);
        }
        return date;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String name, String path) {
        return enumOf(type, text(node, name, path), join(path, name));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String path) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw refused(path, "one of " + names + ", not '" + value + "'");
        }
    }

    /** Runs a record factory; a refusal it raises about a bare field gets the JSON path in front. */
    private static <T> T guarded(String path, java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidInputException e) {
            throw e.under(path);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static InvalidInputException refused(String field, String rule) {
        return new InvalidInputException(DmpErrorCode.DOCUMENT_CONTENT, field, rule);
    }

    private static JsonNode load(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidInputException(DmpErrorCode.DOCUMENT_CONTENT, "resident", "the file " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw refused("resident", "a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw refused("resident", "well-formed JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw refused("resident", "readable JSON (" + e.getMessage() + ")");
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

}
