package fr.duiconnect.core;

/** The national "services socles" of the ESMS numérique programme, each served by one module. */
public enum ServiceSocle {
    INS("ins", "dui-connect-ins"),
    DMP("dmp", "dui-connect-dmp"),
    MSSANTE("mssante", "dui-connect-mssante"),
    EPRESCRIPTION("eprescription", "dui-connect-eprescription"),
    EPARCOURS("eparcours", "dui-connect-eparcours"),
    /** Annuaire Santé, the national directory of professionals, structures and MSSanté mailboxes. */
    ANNUAIRE("annuaire", "dui-connect-annuaire");

    private final String key;
    private final String artifactId;

    ServiceSocle(String key, String artifactId) {
        this.key = key;
        this.artifactId = artifactId;
    }

    /** Property prefix and journal kind prefix, e.g. {@code dmp}. */
    public String key() { return key; }

    /** The Maven artifact that provides the service. */
    public String artifactId() { return artifactId; }
}
