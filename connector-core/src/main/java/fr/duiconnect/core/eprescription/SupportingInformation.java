package fr.duiconnect.core.eprescription;

/**
 * What the line relies on (MedicationRequest.supportingInformation): an observation the dose depends on (weight,
 * height: its value here), or the care units involved (fr-uf-role, e.g. UFMED, UFHEB).
 *
 * @param type       the referenced resource type (Observation, Organization...)
 * @param reference  the identifier (system|value) or reference of the resource
 * @param role       the fr-uf-role code, may be null
 * @param value      for an observation found in the prescription: its code and value (e.g. "8302-2 = 189 cm"), else null
 */
public record SupportingInformation(String type, String reference, String role, String value) {
}
