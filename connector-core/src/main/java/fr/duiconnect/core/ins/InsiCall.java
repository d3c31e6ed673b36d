package fr.duiconnect.core.ins;

import java.util.List;

/**
 * One INSi call made during a search: the prénoms and birth place it carried, its compte-rendu, and the raw
 * SOAP request and response (kept for the CNDA evidence file and for audits; they hold patient data, never log them).
 */
public record InsiCall(List<String> firstNamesSent, boolean birthPlaceSent, InsReturnCode returnCode,
                       String requestXml, String responseXml) {

    public InsiCall {
        firstNamesSent = List.copyOf(firstNamesSent);
    }
}
