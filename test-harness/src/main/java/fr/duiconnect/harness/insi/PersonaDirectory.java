package fr.duiconnect.harness.insi;

import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.ins.search.RecSansVitale;

import java.util.List;

/**
 * How the simulated INSi matches a RECSANSVITALE against its personas: birth name (or an alias INSi tolerates),
 * sex and birth date must be equal; the Prenom must be one of the person's prénoms or the whole list; the COG,
 * when sent, must be equal. One match → 00, none → 01, several → 02.
 */
public final class PersonaDirectory {

    /** The decision for one request. */
    public record Match(InsReturnCode code, CndaPersona persona) {
    }

    private final List<CndaPersona> personas;

    public PersonaDirectory(List<CndaPersona> personas) {
        this.personas = List.copyOf(personas);
    }

    public static PersonaDirectory cnda() {
        return new PersonaDirectory(CndaPersonas.all());
    }

    public Match find(RecSansVitale request) {
        List<CndaPersona> found = personas.stream().filter(p -> matches(p, request)).toList();
        return switch (found.size()) {
            case 0 -> new Match(InsReturnCode.NOT_FOUND, null);
            case 1 -> new Match(InsReturnCode.FOUND, found.get(0));
            default -> new Match(InsReturnCode.SEVERAL, null);
        };
    }

    private static boolean matches(CndaPersona persona, RecSansVitale request) {
        return persona.searchNames().contains(request.nomNaissance())
                && persona.tiq().sex().equals(request.sexe())
                && persona.tiq().birthDate().equals(request.dateNaissance().toString())
                && (persona.firstNames().contains(request.prenom()) || persona.tiq().firstNamesList().equals(request.prenom()))
                && (request.lieuNaissance() == null || request.lieuNaissance().equals(persona.tiq().birthPlace()));
    }
}
