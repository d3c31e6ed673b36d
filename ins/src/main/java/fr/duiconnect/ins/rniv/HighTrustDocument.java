package fr.duiconnect.ins.rniv;

/**
 * High-trust identity devices (FR Core fr-core-cs-identity-mode-validation). A permis de conduire is not one.
 * LECV and ANCV are the medico-social additions of RNIV 2024 (direct EHPAD admission).
 */
public enum HighTrustDocument {
    CN("Carte nationale d'identité"),
    PA("Passeport"),
    CS("Titre de séjour"),
    ECN("Carte nationale d'identité électronique"),
    IN("Identité Numérique La Poste"),
    AV("Application carte Vitale"),
    LECV("Livret de famille + carte Vitale avec photo"),
    AN("Extrait d'acte de naissance"),
    LEP("Livret de famille des parents"),
    CC("Carnet de circulation étranger mineur"),
    ANCV("Extrait d'acte de naissance + carte Vitale avec photo");

    private final String label;

    HighTrustDocument(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
