package fr.duiconnect.core.dmp.content;

/**
 * The observations of the DLU's "Résultats d'évènements" section: mental state, handicaps, moving and other risks.
 * Codes and labels are JDV_ObservationEtatPatient_CISIS (SNOMED CT), the value set the DLU schematron checks.
 */
public enum PatientObservation {
    PEUT_ALERTER(Group.ETAT_PSYCHIQUE, "288575003", "capable de communiquer", "peut alerter"),
    ORIENTE(Group.ETAT_PSYCHIQUE, "247663003", "bien orienté", "orienté"),
    DESORIENTE(Group.ETAT_PSYCHIQUE, "62476001", "désorienté(e)", "désorienté"),
    AGITE(Group.ETAT_PSYCHIQUE, "24199005", "sensation d'agitation", "agité"),
    OPPOSANT(Group.ETAT_PSYCHIQUE, "248043008", "comportement non-conciliant", "opposant"),
    RISQUE_SUICIDAIRE(Group.ETAT_PSYCHIQUE, "425104003", "comportement suicidaire", "risque suicidaire"),
    DEFICIT_VISUEL(Group.HANDICAPS_DEFICITS, "397540003", "malvoyance", "visuel"),
    DEFICIT_AUDITIF(Group.HANDICAPS_DEFICITS, "15188001", "perte auditive", "auditif"),
    TROUBLE_LANGAGE(Group.HANDICAPS_DEFICITS, "62305002", "trouble du langage", "langage"),
    CHUTE(Group.DEPLACEMENTS_TRANSFERTS, "161898004", "chutes", "chute"),
    DEAMBULATION(Group.DEPLACEMENTS_TRANSFERTS, "50239007", "errance", "déambulation"),
    FUGUE(Group.DEPLACEMENTS_TRANSFERTS, "248046000", "fugue", "fugue"),
    CONTENTION(Group.DEPLACEMENTS_TRANSFERTS, "386423001", "contention physique", "contention"),
    RISQUE_ESCARRE(Group.AUTRES, "285304000", "à risque d'escarre", "risques d'escarre"),
    RISQUE_FAUSSE_ROUTE(Group.AUTRES, "249492002", "fausse route alimentaire", "risques de fausse route");

    public static final String SNOMED_CT = "2.16.840.1.113883.6.96";

    private final Group group;
    private final String snomed;
    private final String displayName;
    private final String label;

    PatientObservation(Group group, String snomed, String displayName, String label) {
        this.group = group;
        this.snomed = snomed;
        this.displayName = displayName;
        this.label = label;
    }

    public Group group() {
        return group;
    }

    public String snomed() {
        return snomed;
    }

    /** The value set's display name. */
    public String displayName() {
        return displayName;
    }

    /** The words of the DLU form. */
    public String label() {
        return label;
    }

    /** The tables of the section, in the order of the DLU form. */
    public enum Group {
        ETAT_PSYCHIQUE("Etat psychique du patient"),
        HANDICAPS_DEFICITS("Handicaps / Déficits"),
        DEPLACEMENTS_TRANSFERTS("Déplacements / transferts"),
        AUTRES("Autres");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
