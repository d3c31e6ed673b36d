package fr.duiconnect.dmp.document;

import java.util.Map;

/** The code systems of French health products the CI-SIS names in FR-Produit-de-sante, with their usual names. */
final class HealthProducts {

    static final String CIS = "1.2.250.1.213.2.3.1";
    static final String CIP = "1.2.250.1.213.2.3.2";
    /** UCD (unité commune de dispensation): the CI-SIS OID list's entry; the kit's examples use none. */
    static final String UCD = "1.2.250.1.213.2.3.3";
    static final String ATC = "2.16.840.1.113883.6.73";
    static final Map<String, String> SYSTEMS = Map.of(CIS, "CIS", CIP, "CIP", UCD, "UCD", ATC, "ATC");

    private HealthProducts() {
    }

    static String systemName(String codeSystem) {
        return SYSTEMS.get(codeSystem);
    }
}
