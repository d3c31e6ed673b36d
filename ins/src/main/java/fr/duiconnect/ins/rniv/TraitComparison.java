package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.ins.InsiTraits;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.ins.rules.BirthDateConvention;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the traits INSi returned with the person's local traits, trait by trait, before the INS is stored
 * (RNIV: "après avoir été comparée avec succès aux traits de la personne"). Exact comparison: the local traits
 * were sent to INSi in the same character set. For the premier prénom, Guide INS EXI ID 10 reads hyphens and
 * apostrophes as spaces.
 *
 * @param differingTraits names of the traits that differ (nomNaissance, prenoms, premierPrenom, sexe, dateNaissance, lieuNaissance)
 * @param formerMatricule true when the caller already knew the person under a former (INSHISTO) matricule
 */
public record TraitComparison(List<String> differingTraits, boolean formerMatricule) {

    public TraitComparison {
        differingTraits = List.copyOf(differingTraits);
    }

    public boolean matches() {
        return differingTraits.isEmpty();
    }

    public static TraitComparison compare(IdentityTraits local, InsiTraits returned) {
        List<String> differing = new ArrayList<>();
        if (!local.birthName().equals(returned.birthName())) {
            differing.add("nomNaissance");
        }
        if (returned.firstNamesList() != null && !local.firstNamesAsList().equals(returned.firstNamesList())) {
            differing.add("prenoms");
        }
        if (!spaced(returned.firstFirstName()).startsWith(spaced(local.firstFirstName()))) {
            differing.add("premierPrenom");
        }
        if (!local.sex().name().equals(returned.sex())) {
            differing.add("sexe");
        }
        if (!local.birthDate().equals(BirthDateConvention.RNIV.fromDateLunaire(returned.birthDate()).date())) {
            differing.add("dateNaissance");
        }
        if (local.birthPlaceCog() != null && returned.birthPlace() != null && !local.birthPlaceCog().equals(returned.birthPlace())) {
            differing.add("lieuNaissance");
        }
        return new TraitComparison(differing, false);
    }

    private static String spaced(String name) {
        return name == null ? "" : name.replace('-', ' ').replace('\'', ' ');
    }
}
