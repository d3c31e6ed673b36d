package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.ProfessionalIdKind;
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

    /**
     * Stands for "not given" in a professional known only by RPPS: a distinct instance, so that no name a DUI types
     * can be mistaken for it.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String FROM_DIRECTORY = new String("(Annuaire Santé)");

    public static CareProfessional of(Professional professional) {
        return new CareProfessional(professional, null, null);
    }

    /**
     * A professional the DUI knows only by RPPS (often the médecin traitant): the DLU writer reads their identity,
     * profession and address from the Annuaire Santé when it is given the directory
     * ({@code dmp().writeDlu(resident, replaces, connector.directory())}), and refuses it otherwise.
     */
    public static CareProfessional byRpps(String rpps) {
        return new CareProfessional(new Professional(ProfessionalIdKind.RPPS, rpps, FROM_DIRECTORY, null, null, null), null, null);
    }

    /** True for a {@link #byRpps} professional whose identity is still to be read from the directory. */
    public boolean identityFromDirectory() {
        return professional.familyName() == FROM_DIRECTORY;
    }
}
