package fr.duiconnect.core.mssante;

import fr.duiconnect.core.model.Require;

/**
 * The result of integrating a received document, returned to the sender by MDN (trans-lps IG, struct-msg-mdn,
 * error-codes): {@code processed}, or {@code processed/Error: <code>^<libellé>} with codes 900 to 906.
 *
 * @param errorCode null for success, else 900..906
 * @param label     libellé of the error
 */
public record IntegrationResult(String errorCode, String label) {

    public IntegrationResult {
        if (errorCode != null) {
            Require.matches(errorCode, "90[0-6]", "integration.errorCode", "an integration error code 900 to 906");
            Require.text(label, "integration.label");
        }
    }

    public static final IntegrationResult PROCESSED = new IntegrationResult(null, null);

    public static IntegrationResult error(String code, String label) {
        return new IntegrationResult(code, label);
    }

    /** 902: the patient is unknown to the receiving system. */
    public static IntegrationResult unknownPatient() {
        return error("902", "Patient inconnu");
    }

    /** 903: no INS in the received document. */
    public static IntegrationResult insMissing() {
        return error("903", "INS absent");
    }

    /** 904: the INS does not match the one the receiving system holds. */
    public static IntegrationResult insMismatch() {
        return error("904", "INS incohérent");
    }

    /** 905: incomplete INS (missing trait or OID). */
    public static IntegrationResult insIncomplete() {
        return error("905", "INS incomplet");
    }

    public boolean isError() {
        return errorCode != null;
    }
}
