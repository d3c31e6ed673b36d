package fr.duiconnect.ins.insi;

import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;

import java.util.List;

/** One parsed RESULTAT: the CR and, on 00, INSACTIF, INSHISTO and TIQ. */
public record InsiAnswer(InsReturnCode code, Ins ins, List<Ins> history, IdentityTraits traits, String responseXml) {

    public InsiAnswer {
        history = List.copyOf(history);
    }
}
