package fr.duiconnect.dmp.transaction;

/** SOAP actions and stored-query ids of the DMP transactions (IHE ITI TF-2; DMPi via DRIMbox, shared/specs/dmp.md §1.2). */
public final class DmpActions {

    private DmpActions() {
    }

    public static final String TD02 = "urn:hl7-org:v3:PRPA_IN201307UV02";
    public static final String ITI41 = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    public static final String ITI18 = "urn:ihe:iti:2007:RegistryStoredQuery";
    public static final String ITI43 = "urn:ihe:iti:2007:RetrieveDocumentSet";
    public static final String ITI57 = "urn:ihe:iti:2010:UpdateDocumentSet";

    public static final String FIND_DOCUMENTS = "urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d";
    public static final String GET_DOCUMENTS = "urn:uuid:5c4f972b-d56b-40ac-a5fc-c8ca9b40b9d4";
    public static final String UPDATE_AVAILABILITY_STATUS = "urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus";

    /** TD0.2 reasonCode TEST_EXST ([IMPL] DRIMbox VerifyAuthorizationRequest). */
    public static final String TEST_EXISTENCE = "TEST_EXST";
    public static final String REASON_SYSTEM = "1.2.250.1.213.1.1.4.11";
    public static final String DMP_DEVICE = "1.2.250.1.213.4.1.1.1";

    public static final String PATIENTS = "patients";
    public static final String REGISTRY = "registry";
    public static final String REPOSITORY = "repository";
}
