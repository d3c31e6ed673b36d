package fr.duiconnect.eprescription;

import fr.duiconnect.core.eprescription.LineRelation;
import fr.duiconnect.fhir.BundleIndex;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.RequestGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The prescription's RequestGroup ({@code fr-requestgroup-for-prescription}): which lines are alternatives of one another
 * under a condition (relatedAction with fr-additional-action-relationship ALT), which follow one another with an offset.
 * Without it, two {@code intent=option} lines would read as two concurrent treatments. Camel-free.
 */
final class RequestGroups {

    static final String ADDITIONAL_RELATIONSHIP =
            "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-additional-action-relationship";

    /** The RequestGroup elements the model carries (see {@link UnmappedElements}). */
    static final Set<String> CARRIED = Set.of("groupIdentifier", "status", "intent", "priority", "subject", "action.id",
            "action.description", "action.resource", "action.relatedAction.actionId", "action.relatedAction.relationship",
            "action.relatedAction.offsetDuration", "action.relatedAction.extension:fr-additional-action-relationship");

    private RequestGroups() {
    }

    /** Whether the group is this prescription's: same groupIdentifier, or an action on one of its lines. */
    static boolean concerns(BundleIndex index, RequestGroup group, List<MedicationRequest> lines) {
        MedicationRequest first = lines.get(0);
        if (group.hasGroupIdentifier() && first.hasGroupIdentifier()
                && Objects.equals(group.getGroupIdentifier().getValue(), first.getGroupIdentifier().getValue())
                && Objects.equals(group.getGroupIdentifier().getSystem(), first.getGroupIdentifier().getSystem())) {
            return true;
        }
        return group.getAction().stream().map(a -> line(index, group, a)).flatMap(Optional::stream).anyMatch(lines::contains);
    }

    /** The relations between lines; a relation whose lines cannot be found is added to {@code unmapped}, never dropped silently. */
    static List<LineRelation> relations(BundleIndex index, RequestGroup group, List<String> unmapped) {
        List<LineRelation> relations = new ArrayList<>();
        for (int a = 0; a < group.getAction().size(); a++) {
            RequestGroup.RequestGroupActionComponent action = group.getAction().get(a);
            Optional<MedicationRequest> line = line(index, group, action);
            for (int r = 0; r < action.getRelatedAction().size(); r++) {
                RequestGroup.RequestGroupActionRelatedActionComponent related = action.getRelatedAction().get(r);
                Optional<MedicationRequest> other = group.getAction().stream().filter(x -> related.getActionId().equals(x.getId()))
                        .findFirst().flatMap(x -> line(index, group, x));
                if (line.isEmpty() || other.isEmpty()) {
                    unmapped.add("RequestGroup/" + group.getIdElement().getIdPart() + ".action[" + a + "].relatedAction[" + r
                            + "] (a line it relates is not in the prescription)");
                    continue;
                }
                Extension kind = related.getExtensionByUrl(ADDITIONAL_RELATIONSHIP);
                relations.add(new LineRelation(line.get().getIdElement().getIdPart(), action.getDescription(),
                        related.hasRelationship() ? related.getRelationship().toCode() : null, other.get().getIdElement().getIdPart(),
                        related.getOffset() instanceof org.hl7.fhir.r4.model.Duration offset ? FhirValues.quantity(offset) : null,
                        kind != null && kind.getValue() instanceof PrimitiveType<?> code ? code.getValueAsString() : null));
            }
        }
        return relations;
    }

    private static Optional<MedicationRequest> line(BundleIndex index, RequestGroup group, RequestGroup.RequestGroupActionComponent action) {
        return index.resolve(group, action.getResource(), MedicationRequest.class);
    }
}
