package fr.duiconnect.eprescription;

import fr.duiconnect.core.audit.AuditEvent;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.eprescription.EPrescriptionClient;
import fr.duiconnect.core.eprescription.ImportOutcome;
import fr.duiconnect.core.eprescription.Prescription;
import fr.duiconnect.core.eprescription.PrescriptionImport;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.indicators.UsageKinds;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;
import fr.duiconnect.core.spi.InboundLedger;
import fr.duiconnect.core.spi.ModuleContext;
import org.hl7.fhir.r4.model.Bundle;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The e-prescription client: retrieval through the request route, then validation, mapping, identity check, ledger. */
final class DefaultEPrescriptionClient implements EPrescriptionClient {

    private final ModuleContext context;
    private final EPrescriptionSettings settings;
    private final PrescriptionImporter importer;
    private volatile BearerTokenProvider tokenProvider;

    DefaultEPrescriptionClient(ModuleContext context, EPrescriptionSettings settings, PrescriptionImporter importer) {
        this.context = context;
        this.settings = settings;
        this.importer = importer;
        this.tokenProvider = settings.configuredToken();
    }

    BearerTokenProvider currentTokenProvider() {
        return tokenProvider;
    }

    @Override
    public void tokenProvider(BearerTokenProvider provider) {
        this.tokenProvider = Objects.requireNonNull(provider, "provider");
    }

    @Override
    public PrescriptionImport importPrescription(String prescriptionNumber, PersonIdentity person) {
        Require.present(person, "person");
        Prescription prescription;
        try {
            prescription = retrieve(prescriptionNumber);
        } catch (DuiConnectException e) {
            audit(null, AuditOutcome.FAILURE, "prescription " + prescriptionNumber + " not imported: " + e.code());
            throw e;
        }
        return record(prescription, person);
    }

    @Override
    public PrescriptionImport importContent(String fhirJson, PersonIdentity person) {
        Require.text(fhirJson, "fhirJson");
        Require.present(person, "person");
        List<Prescription> prescriptions = importer.fromJson(fhirJson);
        if (prescriptions.size() != 1) {
            throw new InvalidInputException(EPrescriptionErrorCode.CONTENT_UNREADABLE, "Bundle.entry",
                    "holds " + prescriptions.size() + " prescriptions; import them one at a time");
        }
        return record(prescriptions.get(0), person);
    }

    @Override
    public Prescription retrieve(String prescriptionNumber) {
        Require.text(prescriptionNumber, "prescriptionNumber");
        Bundle bundle = context.requests().invoke(PrescriptionQuery.SEARCH, PrescriptionQuery.byNumber(prescriptionNumber));
        List<Prescription> found = importer.validateAndMap(requireLines(bundle, "prescription " + prescriptionNumber)).stream()
                .filter(p -> p.number().equals(prescriptionNumber)).toList();
        if (found.isEmpty()) {
            throw new InvalidInputException(EPrescriptionErrorCode.NOT_FOUND, "prescriptionNumber",
                    "the service's answer holds no line of this prescription");
        }
        return found.get(0);
    }

    @Override
    public List<Prescription> list(Ins ins, LocalDate from, LocalDate to) {
        Require.present(ins, "ins");
        if (from != null && to != null && from.isAfter(to)) {
            throw InvalidInputException.format("from", "on or before 'to'");
        }
        Bundle bundle = context.requests().invoke(PrescriptionQuery.SEARCH,
                PrescriptionQuery.byPerson(ins.oid(), ins.matricule(), from, to));
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof org.hl7.fhir.r4.model.MedicationRequest)) {
            return List.of();
        }
        return importer.validateAndMap(bundle);
    }

    private static Bundle requireLines(Bundle bundle, String what) {
        if (bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof org.hl7.fhir.r4.model.MedicationRequest)) {
            throw new InvalidInputException(EPrescriptionErrorCode.NOT_FOUND, "prescriptionNumber", what + " is unknown to the service");
        }
        return bundle;
    }

    private PrescriptionImport record(Prescription prescription, PersonIdentity person) {
        try {
            IdentityMatch.require(prescription.person(), person);
        } catch (DuiConnectException e) {
            audit(person.localId(), AuditOutcome.REFUSED, "prescription " + prescription.number() + " refused: " + e.code());
            throw e;
        }
        String externalId = (prescription.numberSystem() == null ? "" : prescription.numberSystem() + "|") + prescription.number();
        InboundLedger.Receipt receipt = context.inbound().record(UsageKinds.EPRESCRIPTION_IMPORT, externalId, prescription.version(),
                settings.finess(), person.ins().matricule());
        ImportOutcome outcome = switch (receipt) {
            case NEW -> ImportOutcome.IMPORTED;
            case SAME_VERSION -> ImportOutcome.ALREADY_IMPORTED;
            case NEW_VERSION -> ImportOutcome.UPDATED;
        };
        audit(person.ins().matricule(), AuditOutcome.SUCCESS, "prescription " + prescription.number() + " " + outcome
                + " (" + prescription.lines().size() + " line(s), status " + prescription.status() + ")");
        return new PrescriptionImport(prescription, outcome);
    }

    private void audit(String person, AuditOutcome outcome, String detail) {
        context.audit().record(new AuditEvent(context.clock().instant(), settings.finess(), "software",
                context.config().software().name(), "eprescription.import", person, null, outcome, detail));
    }
}
