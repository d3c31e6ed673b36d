package fr.duiconnect.ins.search;

import fr.duiconnect.core.ins.FormerIns;
import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.ins.InsiTraits;
import fr.duiconnect.core.model.Ins;

import java.util.List;

/** One RESULTAT as received: CR, and INDIVIDU (INSACTIF, INSHISTO, TIQ) on 00. Raw XML kept for the evidence file. */
public record InsiAnswer(InsReturnCode returnCode, Ins active, List<FormerIns> history, InsiTraits traits,
                         String requestXml, String responseXml) {

    public InsiAnswer {
        history = history == null ? List.of() : List.copyOf(history);
        if (returnCode == InsReturnCode.FOUND && (active == null || traits == null)) {
            throw new IllegalArgumentException("a 00 answer carries INSACTIF and TIQ");
        }
    }
}
