package fr.duiconnect.core.model;

/**
 * The establishment or service (ESMS) the DUI belongs to.
 *
 * @param finessGeographique  FINESS of the site (ET), used as authorInstitution and Identifiant_Structure
 * @param finessJuridique     FINESS of the legal entity (EJ), may be null
 * @param name                raison sociale
 * @param facilityTypeCode    healthcareFacilityTypeCode (TRE_R02 SecteurActivite, e.g. SA17 for an EHPAD, SA16 for disabled persons)
 * @param practiceSettingCode practiceSettingCode (e.g. ESSMS)
 */
public record Structure(Finess finessGeographique, Finess finessJuridique, String name,
                        Code facilityTypeCode, Code practiceSettingCode) {

    public Structure {
        Require.present(finessGeographique, "structure.finessGeographique");
        Require.text(name, "structure.name");
        Require.present(facilityTypeCode, "structure.facilityTypeCode");
        Require.present(practiceSettingCode, "structure.practiceSettingCode");
    }
}
