package fr.duiconnect.harness.insi;

import java.util.List;

/** The XML the simulated INSi answers with (SOAP 1.2; RESULTAT per INSi_RESULTAT_INS.xsd; faults per schema_faultSOAP_V01_01). */
final class InsiSoap {

    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private InsiSoap() { }

    static String envelope(String relatesTo, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP12 + "\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header><wsa:Action>urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentiteResponse</wsa:Action>"
                + (relatesTo == null ? "" : "<wsa:RelatesTo>" + esc(relatesTo) + "</wsa:RelatesTo>")
                + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    static String resultat(String code, String label, InsiPersona persona) {
        StringBuilder b = new StringBuilder("<RESULTAT xmlns=\"http://www.cnamts.fr/INSiResultat\"><CR><CodeCR>")
                .append(code).append("</CodeCR><LibelleCR>").append(label).append("</LibelleCR></CR>");
        if (persona != null) {
            b.append("<INDIVIDU>").append(ins("INSACTIF", persona.number(), persona.key(), persona.oid()));
            for (String h : persona.history()) {
                String[] parts = h.split("/");
                b.append(ins("INSHISTO", parts[0], parts[1], persona.oid()));
            }
            b.append("<TIQ><NomNaissance>").append(esc(persona.birthName())).append("</NomNaissance>")
                    .append("<Prenom>").append(persona.firstNames().get(0)).append("</Prenom>")
                    .append("<ListePrenom>").append(String.join(" ", persona.firstNames())).append("</ListePrenom>")
                    .append("<Sexe>").append(persona.sex()).append("</Sexe>")
                    .append("<DateNaissance>").append(persona.birthDate()).append("</DateNaissance>")
                    .append("<LieuNaissance>").append(persona.cog()).append("</LieuNaissance></TIQ></INDIVIDU>");
        }
        return b.append("</RESULTAT>").toString();
    }

    private static String ins(String element, String number, String key, String oid) {
        return "<" + element + "><IdIndividu><NumIdentifiant>" + number + "</NumIdentifiant><Cle>" + key
                + "</Cle><TypeMatricule>" + (oid.endsWith(".9") ? "NIA" : "NIR") + "</TypeMatricule></IdIndividu><OID>" + oid
                + "</OID></" + element + ">";
    }

    /** A SOAP 1.2 fault with the siram:Erreur detail INSi uses. */
    static String fault(String soapCode, String subcode, String reason, String siramCode, String detail, String messageId) {
        return envelope(messageId, "<soap:Fault><soap:Code><soap:Value>soap:" + soapCode + "</soap:Value>"
                + (subcode == null ? "" : "<soap:Subcode><soap:Value>soap:" + subcode + "</soap:Value></soap:Subcode>")
                + "</soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">" + esc(reason) + "</soap:Text></soap:Reason>"
                + "<soap:Detail><siram:Erreur xmlns:siram=\"urn:siram\" code=\"" + siramCode + "\" severite=\"erreur\""
                + (messageId == null ? "" : " messageID=\"" + esc(messageId) + "\"") + ">" + esc(detail)
                + "</siram:Erreur></soap:Detail></soap:Fault>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static List<String> words(String s) {
        return List.of(s.split(" "));
    }
}
