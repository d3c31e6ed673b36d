package fr.duiconnect.ins.insi;

import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;

import java.util.List;

/** A parsed RESULTAT: the compte-rendu and, for 00, the individual (INSACTIF, INSHISTO, TIQ). */
public record InsiAnswer(InsiReturnCode code, String label, Ins active, List<Ins> history, IdentityTraits traits,
                         String rawRequest, String rawResponse) {
}
