package fr.duiconnect.ins.insi;

/** Namespaces and actions of the INSi service (DESIR_ICIR_EXP_1.5.0.wsdl; spec §1.1-1.5). */
public final class InsiNamespaces {

    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String CTXBAM = "urn:siram:bam:ctxbam";
    public static final String CTXLPS = "urn:siram:lps:ctxlps";
    public static final String RECSANS = "http://www.cnamts.fr/INSiRecSans";
    public static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";
    public static final String SIRAM = "urn:siram";

    public static final String ACTION_RECSANS = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
    public static final String ACTION_RECSANS_RESPONSE = ACTION_RECSANS + "Response";

    private InsiNamespaces() { }
}
