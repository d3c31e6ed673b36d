package fr.duiconnect.core.structure;

import fr.duiconnect.core.error.InvalidInputException;

/** A request refused because of the structure it names (unknown, disabled, service not enabled, another's identity). */
public class StructureRefusedException extends InvalidInputException {

    public StructureRefusedException(StructureErrorCode code, String field, String message) {
        super(code, field, message);
    }
}
