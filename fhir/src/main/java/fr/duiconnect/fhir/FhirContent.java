package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ConformanceIssue.Severity;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses received FHIR JSON without losing what the parser would silently drop: unknown elements, bad values
 * and wrong JSON types become blocking issues (HAPI's default lenient parser only logs them, and the profile
 * validator never sees what was dropped).
 */
public final class FhirContent {

    /** The parsed resource, or null when it could not be parsed at all, and the parser's findings. */
    public record Parsed<T extends IBaseResource>(T resource, List<ConformanceIssue> issues) {
    }

    private FhirContent() {
    }

    public static <T extends IBaseResource> Parsed<T> parse(FhirContext context, String json, Class<T> type) {
        List<ConformanceIssue> issues = new ArrayList<>();
        IParser parser = context.newJsonParser().setParserErrorHandler(new Collector(issues));
        try {
            return new Parsed<>(parser.parseResource(type, json), List.copyOf(issues));
        } catch (DataFormatException | ClassCastException e) {
            issues.add(new ConformanceIssue("", Severity.FATAL, "not a FHIR R4 JSON " + type.getSimpleName() + ": " + e.getMessage()));
            return new Parsed<>(null, List.copyOf(issues));
        }
    }

    /**
     * A parser error handler for a module's own FhirContext (used by its REST client): content the lenient parser
     * would silently drop (unknown elements, bad values, wrong JSON types) fails the parse instead.
     */
    public static ca.uhn.fhir.parser.IParserErrorHandler refusingHandler() {
        return new Collector(null);
    }

    private static final class Collector extends ErrorHandlerAdapter {
        private final List<ConformanceIssue> issues;

        Collector(List<ConformanceIssue> issues) {
            this.issues = issues;
        }

        private void add(IParseLocation location, Severity severity, String message) {
            if (issues == null) {
                if (severity.blocking()) {
                    throw new DataFormatException((location == null ? "" : location + ": ") + message);
                }
                return;
            }
            issues.add(new ConformanceIssue(location == null ? "" : location.toString(), severity, message));
        }

        @Override public void unknownElement(IParseLocation location, String name) {
            add(location, Severity.ERROR, "unknown element '" + name + "'");
        }

        @Override public void unknownAttribute(IParseLocation location, String name) {
            add(location, Severity.ERROR, "unknown attribute '" + name + "'");
        }

        @Override public void unexpectedRepeatingElement(IParseLocation location, String name) {
            add(location, Severity.ERROR, "element '" + name + "' repeats but is not a list");
        }

        @Override public void invalidValue(IParseLocation location, String value, String error) {
            add(location, Severity.ERROR, "invalid value: " + error);
        }

        @Override public void missingRequiredElement(IParseLocation location, String name) {
            add(location, Severity.ERROR, "required element '" + name + "' is missing");
        }

        @Override public void incorrectJsonType(IParseLocation location, String name, BaseJsonLikeValue.ValueType expected,
                                                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                                BaseJsonLikeValue.ScalarType foundScalar) {
            add(location, Severity.ERROR, "element '" + name + "' has JSON type " + found + " where " + expected + " is expected");
        }

        @Override public void invalidInternalReference(IParseLocation location, String reference) {
            add(location, Severity.WARNING, "local reference " + reference + " names no contained resource");
        }

        @Override public void unknownReference(IParseLocation location, String reference) {
            add(location, Severity.WARNING, "reference " + reference + " cannot be resolved");
        }
    }
}
