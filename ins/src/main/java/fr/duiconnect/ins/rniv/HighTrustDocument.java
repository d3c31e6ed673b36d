package fr.duiconnect.ins.rniv;

/**
 * High-trust identity devices (FR Core validationMode, RNIV; ESMS rule of RNIV volet 1 §3.3.3 2024 for direct
 * EHPAD admissions: livret de famille or extrait d'acte de naissance with a carte Vitale with photo).
 * A driving licence is not one.
 */
public enum HighTrustDocument {
    CN("Carte nationale d'identité"),
    PA("Passeport"),
    CS("Titre de séjour"),
    ECN("Carte nationale d'identité électronique"),
    IN("Identité numérique La Poste"),
    AV("Application carte Vitale"),
    LECV("Livret de famille + carte Vitale avec photo"),
    AN("Extrait d'acte de naissance"),
    LEP("Livret de famille des parents"),
    CC("Carnet de circulation"),
    ANCV("Extrait d'acte de naissance + carte Vitale avec photo");

    private final String label;

    HighTrustDocument(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
