package fr.duiconnect.core.xds;

import fr.duiconnect.core.error.CoreErrorCode;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.model.Code;

import java.util.Map;
import java.util.Optional;

/**
 * The XDS classCode derived from the typeCode, restricted to the DMP (ANS terminology ASS_X16
 * "CorrespondanceType-Classe-DMP", version 20240223; TRE_A03-ClasseDocument 1.2.250.1.213.1.1.4.1).
 * Both the DMP deposit and the MSSanté XDM metadata use it.
 */
public final class ClassCodes {

    public static final String CLASS_CODE_SYSTEM = "1.2.250.1.213.1.1.4.1";
    private static final String LOINC = "2.16.840.1.113883.6.1";

    private static final Map<String, Code> BY_LOINC_TYPE = Map.of(
            "74207-2", new Code("11", CLASS_CODE_SYSTEM, "Synthèse"),
            "83981-1", new Code("10", CLASS_CODE_SYSTEM, "Compte rendu"),
            "88348-8", new Code("11", CLASS_CODE_SYSTEM, "Synthèse"),
            "28653-4", new Code("10", CLASS_CODE_SYSTEM, "Compte rendu"),
            "34842-5", new Code("11", CLASS_CODE_SYSTEM, "Synthèse"),
            "86531-1", new Code("95", CLASS_CODE_SYSTEM, "Document de gestion"),
            "60591-5", new Code("11", CLASS_CODE_SYSTEM, "Synthèse"));

    private ClassCodes() {
    }

    public static Optional<Code> forType(Code typeCode) {
        if (!LOINC.equals(typeCode.codeSystem())) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_LOINC_TYPE.get(typeCode.code()));
    }

    /** The classCode, or a refusal naming the typeCode when ASS_X16 has no correspondence for it. */
    public static Code requireForType(Code typeCode) {
        return forType(typeCode).orElseThrow(() -> new InvalidInputException(CoreErrorCode.INPUT_FORMAT, "documentEntry.typeCode",
                "has no DMP classCode in ASS_X16: " + typeCode.code() + " (" + typeCode.codeSystem() + ")"));
    }
}
