package fr.duiconnect.ins.insi;

/** Namespaces and actions of the INSi WSDL DESIR_ICIR_EXP_1.5.0 (shared/specs/ins.md §1.1–1.5). */
public final class InsiNamespaces {

    private InsiNamespaces() {
    }

    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String CTX_BAM = "urn:siram:bam:ctxbam";
    public static final String CTX_LPS = "urn:siram:lps:ctxlps";
    public static final String SIRAM = "urn:siram";
    public static final String REC_SANS = "http://www.cnamts.fr/INSiRecSans";
    public static final String RESULTAT = "http://www.cnamts.fr/INSiResultat";
    public static final String REC_VIT = "http://www.cnamts.fr/INSiRecVit";
    public static final String ACTION_SEARCH_BY_VITALE = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale";

    public static final String ACTION_SEARCH_BY_TRAITS = "urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite";
    public static final String ACTION_SEARCH_BY_TRAITS_RESPONSE = ACTION_SEARCH_BY_TRAITS + "Response";
}
