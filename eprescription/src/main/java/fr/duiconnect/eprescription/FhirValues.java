package fr.duiconnect.eprescription;

import fr.duiconnect.core.eprescription.Coded;
import fr.duiconnect.core.eprescription.Quantity;
import fr.duiconnect.core.eprescription.Ratio;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;


/** FHIR data types as the model's records (quantities with their units, ratios, coded concepts). */
final class FhirValues {

    static final String UCUM = "http://unitsofmeasure.org";

    private FhirValues() {
    }

    static Quantity quantity(org.hl7.fhir.r4.model.Quantity q) {
        if (q == null || q.isEmpty()) {
            return null;
        }
        return new Quantity(q.getValue(), q.hasUnit() ? q.getUnit() : q.getCode(), q.getCode(), q.getSystem());
    }

    /** A value and a UCUM unit code given apart (timing.repeat.duration and durationUnit). */
    static Quantity quantity(java.math.BigDecimal value, String ucumCode) {
        return value == null ? null : new Quantity(value, ucumCode, ucumCode, ucumCode == null ? null : UCUM);
    }

    static Ratio ratio(org.hl7.fhir.r4.model.Ratio ratio) {
        if (ratio == null || ratio.isEmpty()) {
            return null;
        }
        return new Ratio(quantity(ratio.getNumerator()), quantity(ratio.getDenominator()));
    }

    /** The concept's first coding (with the concept's text), or its text alone. */
    static Coded coded(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return null;
        }
        Coding coding = concept.hasCoding() ? concept.getCodingFirstRep() : new Coding();
        return new Coded(coding.getSystem(), coding.getCode(), coding.getDisplay(), concept.getText());
    }

    static String label(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (coding.hasDisplay()) {
                return coding.getDisplay();
            }
            if (coding.hasCode()) {
                return coding.getCode();
            }
        }
        return concept.getText();
    }

    static String text(Quantity quantity) {
        return quantity == null ? null : quantity.toString();
    }
}
