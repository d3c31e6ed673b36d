package fr.duiconnect.core.eprescription;

import fr.duiconnect.core.config.BearerTokenProvider;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.PersonIdentity;

import java.time.LocalDate;
import java.util.List;

/**
 * Client of the EPRESCRIPTION service socle: import of electronic prescriptions into the DUI medication lines.
 * Implemented by the {@code dui-connect-eprescription} module; obtained from {@code DuiConnector.eprescription()}. Thread-safe.
 *
 * <p>Prescriptions are read over FHIR R4 from the configured endpoint (the Assurance Maladie retrieval interface
 * is not public), validated against the ANS ePrescription IG profiles (invalid content is refused whole, with its
 * issues, as a {@link fr.duiconnect.core.error.ContentRefusedException}) and mapped to {@link Prescription}.
 */
public interface EPrescriptionClient {

    /**
     * Imports one prescription into the DUI: retrieves its lines by prescription number, validates and maps them,
     * checks that the prescription's patient is the local person (INS and traits; a mismatch is an
     * identitovigilance refusal), and records it (journaled, counted). Importing the same prescription again says
     * {@link ImportOutcome#ALREADY_IMPORTED}; a changed one (cancellation, renewal) {@link ImportOutcome#UPDATED}.
     */
    PrescriptionImport importPrescription(String prescriptionNumber, PersonIdentity person);

    /** As {@link #importPrescription}, for prescription content received otherwise (a FHIR JSON searchset Bundle). */
    PrescriptionImport importContent(String fhirJson, PersonIdentity person);

    /** Retrieves, validates and maps one prescription without importing it (nothing recorded, no identity check). */
    Prescription retrieve(String prescriptionNumber);

    /** The prescriptions of a person (by INS) authored between the two dates inclusive, validated and mapped. */
    List<Prescription> list(Ins ins, LocalDate from, LocalDate to);

    /** Sets where the bearer token sent with every request comes from (overrides the configured token file). */
    void tokenProvider(BearerTokenProvider provider);
}
