package fr.duiconnect.ins.rules;

/** Which trait a value is: the rules differ slightly (double hyphen, ending). */
public enum TraitKind {
    NOM_NAISSANCE("nomNaissance"),
    PRENOM("prenom"),
    LISTE_PRENOMS("listePrenoms");

    private final String field;

    TraitKind(String field) {
        this.field = field;
    }

    public String field() { return field; }
}
