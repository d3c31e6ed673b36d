package fr.duiconnect.dmp.cda;

/**
 * The ANS kit's body profiles (LISEZ-MOI §5): schematrons that check the entries of a structured body against the
 * IHE PCC templates and the CI-SIS content models, beyond what the volet's schematron and structuration minimale
 * check. Paths are relative to the kit's {@code schematrons/}.
 */
public enum CdaProfile {
    IHE("profils/IHE.sch"),
    CONTENT_MODELS("profils/CI-SIS_ModelesDeContenusCDA.sch"),
    ANS_MODELS("profils/CI-SIS_Modeles_ANS.sch");

    private final String schematron;

    CdaProfile(String schematron) {
        this.schematron = schematron;
    }

    public String schematron() {
        return schematron;
    }
}
