package fr.duiconnect.eprescription;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The elements of a received resource that the mapped model does not carry. The mapper declares what it carries as
 * index-free paths ({@code dosageInstruction.timing.repeat.frequency}; an extension as {@code extension:<last part of
 * its url>}; a choice element by its JSON name, {@code boundsDuration}); every other element present is listed with
 * its indices ({@code dosageInstruction[0].timing.repeat.boundsRange}), so that nothing clinical is dropped silently
 * when an IG version or a prescriber's software sends more than the model knows.
 */
final class UnmappedElements {

    private UnmappedElements() {
    }

    /**
     * What is not content of a resource but its server record: the logical id, the server's metadata, and the narrative
     * (generated from the structured elements, which are what is mapped).
     */
    private static final Set<String> RECORD = Set.of("id", "meta", "text", "implicitRules", "language");

    /** The paths, under {@code prefix}, of the elements of {@code resource} that {@code carried} does not cover. */
    static List<String> of(Base resource, String prefix, Set<String> carried) {
        Set<String> covered = new java.util.HashSet<>(carried);
        covered.addAll(RECORD);
        List<String> unmapped = new ArrayList<>();
        walk(resource, prefix, "", covered, unmapped);
        return unmapped;
    }

    private static void walk(Base element, String path, String pattern, Set<String> carried, List<String> unmapped) {
        for (Property property : element.children()) {
            List<Base> values = property.getValues();
            for (int i = 0; i < values.size(); i++) {
                Base value = values.get(i);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                String name = name(property, value);
                String childPattern = pattern.isEmpty() ? name : pattern + "." + name;
                String childPath = (path.isEmpty() ? "" : path + ".") + name + (property.isList() ? "[" + i + "]" : "");
                if (carried.contains(childPattern)) {
                    continue;
                }
                if (carried.stream().anyMatch(c -> c.startsWith(childPattern + "."))) {
                    walk(value, childPath, childPattern, carried, unmapped);
                } else {
                    unmapped.add(childPath);
                }
            }
        }
    }

    /** The JSON name: {@code boundsDuration} for a choice, {@code extension:fr-is-vehicle} for an extension. */
    private static String name(Property property, Base value) {
        String name = property.getName();
        if (name.endsWith("[x]")) {
            String type = value.fhirType();
            return name.substring(0, name.length() - 3) + Character.toUpperCase(type.charAt(0)) + type.substring(1);
        }
        if (value instanceof Extension extension && extension.getUrl() != null) {
            return name + ":" + extension.getUrl().substring(extension.getUrl().lastIndexOf('/') + 1);
        }
        return name;
    }
}
