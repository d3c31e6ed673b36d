package fr.duiconnect.ins.rules;

/** Which INS trait a text is: the double hyphen and the trailing rules differ between them. */
public enum TraitKind {
    /** NomNaissance: a double hyphen is allowed (e.g. compound names written with "--"). */
    BIRTH_NAME("nomNaissance"),
    /** Prenom: one prénom, or the whole list joined by single spaces in the last search call. */
    FIRST_NAME("prenom");

    private final String field;

    TraitKind(String field) {
        this.field = field;
    }

    public String field() { return field; }
}
