package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Require;

/**
 * A professional as a CDA header names them (author, médecin traitant): identity, profession code and how to reach
 * them. The profession code ({@code assignedAuthor/code}) comes from {@link Professional#professionCode()}.
 *
 * @param address may be null
 * @param phone   may be null
 */
public record CareProfessional(Professional professional, PostalAddress address, String phone) {

    public CareProfessional {
        Require.present(professional, "professional");
        phone = Telecoms.phoneOrNull(phone, "professional.phone");
    }

    public static CareProfessional of(Professional professional) {
        return new CareProfessional(professional, null, null);
    }
}
