package fr.duiconnect.core.eprescription;

/**
 * A coded concept as the prescription gives it (a FHIR CodeableConcept with one coding): its code system, code,
 * display, and the prescriber's own text. Any part may be null (a text-only concept has only {@code text}).
 */
public record Coded(String system, String code, String display, String text) {

    /** What to show: the text, else the display, else the code. */
    public String label() {
        return text != null ? text : display != null ? display : code;
    }

    @Override
    public String toString() {
        return label();
    }
}
