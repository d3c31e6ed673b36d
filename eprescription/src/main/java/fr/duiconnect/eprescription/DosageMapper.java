package fr.duiconnect.eprescription;

import fr.duiconnect.core.eprescription.Coded;
import fr.duiconnect.core.eprescription.Dosage;
import fr.duiconnect.core.eprescription.DoseAndRate;
import fr.duiconnect.core.eprescription.Quantity;
import fr.duiconnect.core.eprescription.Ratio;
import fr.duiconnect.fhir.BundleIndex;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

import java.util.List;
import java.util.Set;

import static fr.duiconnect.eprescription.FhirValues.coded;
import static fr.duiconnect.eprescription.FhirValues.quantity;
import static fr.duiconnect.eprescription.FhirValues.ratio;

/** Maps one FHIR Dosage with every element the ePrescription IG uses (see {@link #CARRIED}). Camel-free. */
final class DosageMapper {

    static final String BASIS_OF_DOSE = "https://interop.esante.gouv.fr/ig/fhir/eprescription/StructureDefinition/fr-basis-of-dose-component";

    /** The Dosage elements the model carries (paths under dosageInstruction, see {@link UnmappedElements}). */
    static final Set<String> CARRIED = Set.of("sequence", "text", "additionalInstruction", "patientInstruction",
            "timing.event", "timing.code", "timing.repeat.boundsDuration", "timing.repeat.boundsPeriod", "timing.repeat.count",
            "timing.repeat.countMax", "timing.repeat.duration", "timing.repeat.durationMax", "timing.repeat.durationUnit",
            "timing.repeat.frequency", "timing.repeat.frequencyMax", "timing.repeat.period", "timing.repeat.periodMax",
            "timing.repeat.periodUnit", "timing.repeat.dayOfWeek", "timing.repeat.timeOfDay", "timing.repeat.when",
            "timing.repeat.offset", "asNeededBoolean", "asNeededCodeableConcept", "site", "route", "method",
            "doseAndRate.type", "doseAndRate.doseQuantity", "doseAndRate.doseRange", "doseAndRate.rateRatio",
            "doseAndRate.rateQuantity", "doseAndRate.rateRange", "doseAndRate.extension:fr-basis-of-dose-component",
            "maxDosePerPeriod", "maxDosePerAdministration", "maxDosePerLifetime");

    private DosageMapper() {
    }

    static Dosage dosage(BundleIndex index, MedicationRequest line, org.hl7.fhir.r4.model.Dosage dosage) {
        List<DoseAndRate> doses = dosage.getDoseAndRate().stream().map(d -> doseAndRate(index, line, d)).toList();
        DoseAndRate first = doses.isEmpty() ? null : doses.get(0);
        Timing timing = dosage.getTiming();
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        String start = null;
        String end = null;
        Quantity treatment = null;
        if (repeat.getBounds() instanceof Period period) {
            start = period.hasStart() ? period.getStartElement().getValueAsString() : null;
            end = period.hasEnd() ? period.getEndElement().getValueAsString() : null;
        } else if (repeat.getBounds() instanceof Duration d) {
            treatment = quantity(d);
        }
        boolean asNeeded = false;
        Coded asNeededCode = null;
        if (dosage.getAsNeeded() instanceof org.hl7.fhir.r4.model.BooleanType flag) {
            asNeeded = flag.booleanValue();
        } else if (dosage.getAsNeeded() instanceof CodeableConcept concept) {
            asNeeded = true;
            asNeededCode = coded(concept);
        }
        Coded route = coded(dosage.getRoute());
        String unit = repeat.hasDurationUnit() ? repeat.getDurationUnit().toCode() : null;
        return new Dosage(dosage.hasSequence() ? dosage.getSequence() : null, dosage.getText(),
                first == null ? null : first.dose(), first == null ? null : first.doseHigh(),
                first == null || first.rate() == null ? null : first.rate().toString(),
                repeat.hasFrequency() ? repeat.getFrequency() : null, repeat.hasFrequencyMax() ? repeat.getFrequencyMax() : null,
                repeat.hasPeriod() ? repeat.getPeriod() : null, repeat.hasPeriodMax() ? repeat.getPeriodMax() : null,
                repeat.hasPeriodUnit() ? repeat.getPeriodUnit().toCode() : null,
                repeat.hasDuration() ? FhirValues.quantity(repeat.getDuration(), unit) : null,
                repeat.hasDurationMax() ? FhirValues.quantity(repeat.getDurationMax(), unit) : null,
                repeat.hasCount() ? repeat.getCount() : null, repeat.hasCountMax() ? repeat.getCountMax() : null,
                repeat.getWhen().stream().map(w -> w.getValue() == null ? w.getValueAsString() : w.getValue().toCode()).toList(),
                repeat.hasOffset() ? repeat.getOffset() : null,
                repeat.getTimeOfDay().stream().map(PrimitiveType::getValueAsString).toList(),
                repeat.getDayOfWeek().stream().map(d -> d.getValue().toCode()).toList(),
                timing.getEvent().stream().map(PrimitiveType::getValueAsString).toList(),
                coded(timing.getCode()), route == null ? null : FhirValues.label(dosage.getRoute()), route == null ? null : route.code(),
                route, coded(dosage.getMethod()), coded(dosage.getSite()),
                asNeeded, asNeededCode == null ? null : asNeededCode.label(), asNeededCode,
                start, end, FhirValues.text(treatment), treatment,
                doses, ratio(dosage.getMaxDosePerPeriod()), quantity(dosage.getMaxDosePerAdministration()),
                quantity(dosage.getMaxDosePerLifetime()), dosage.getPatientInstruction(),
                dosage.getAdditionalInstruction().stream().map(FhirValues::coded).toList());
    }

    private static DoseAndRate doseAndRate(BundleIndex index, MedicationRequest line, org.hl7.fhir.r4.model.Dosage.DosageDoseAndRateComponent d) {
        Quantity dose = null;
        Quantity doseHigh = null;
        if (d.getDose() instanceof org.hl7.fhir.r4.model.Quantity q) {
            dose = quantity(q);
        } else if (d.getDose() instanceof Range range) {
            dose = quantity(range.getLow());
            doseHigh = quantity(range.getHigh());
        }
        Ratio rate = null;
        Quantity rateHigh = null;
        if (d.getRate() instanceof org.hl7.fhir.r4.model.Ratio r) {
            rate = ratio(r);
        } else if (d.getRate() instanceof Range range) {
            rate = new Ratio(quantity(range.getLow()), null);
            rateHigh = quantity(range.getHigh());
        } else if (d.getRate() instanceof org.hl7.fhir.r4.model.Quantity q) {
            rate = new Ratio(quantity(q), null);
        }
        String basis = null;
        Extension extension = d.getExtensionByUrl(BASIS_OF_DOSE);
        if (extension != null && extension.getValue() instanceof Reference reference) {
            // The ingredient the dose is expressed for: a Medication of the line (a perfusion's component).
            basis = index.resolve(line, reference, Medication.class).map(m -> FhirValues.label(m.getCode()))
                    .orElse(reference.hasDisplay() ? reference.getDisplay() : reference.getReference());
        }
        return new DoseAndRate(coded(d.getType()), dose, doseHigh, rate, rateHigh, basis);
    }
}
