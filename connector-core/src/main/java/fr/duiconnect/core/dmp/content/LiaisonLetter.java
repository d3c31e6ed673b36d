package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

import java.time.LocalDate;

/**
 * A liaison letter of an establishment for disabled persons, written by the DUI as a PDF and sent to the DMP as a
 * CDA R2 level 1 document (structuration minimale, PDF body, formatCode {@code urn:ihe:iti:xds-sd:pdf:2008}).
 *
 * @param kind       entry (88348-8) or exit (83981-1) letter
 * @param title      the document title shown in the DMP, e.g. "Lettre de liaison d'entrée"
 * @param stayStart  first day of the stay the letter is about, may be null
 * @param stayEnd    last day of the stay (exit letters), may be null
 * @param attendingPhysician médecin traitant, may be null
 * @param pdf        the letter as the DUI rendered it
 */
public record LiaisonLetter(LiaisonLetterKind kind, PersonIdentity person, PostalAddress address, Establishment establishment,
                            CareProfessional author, CareProfessional attendingPhysician, String title, LocalDate stayStart,
                            LocalDate stayEnd, byte[] pdf) {

    public LiaisonLetter {
        Require.present(kind, "letter.kind");
        Require.present(person, "letter.person");
        Require.present(establishment, "letter.establishment");
        Require.present(author, "letter.author");
        title = title == null || title.isBlank() ? kind.displayName() : title;
        Require.present(pdf, "letter.pdf");
        pdf = pdf.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    /** The two letters of NOS JDV_J07 for the medico-social sector, both in the DMP's type list (ASS_X16). */
    public enum LiaisonLetterKind {
        ENTREE("88348-8", "Lettre de liaison d'entrée en structure sociale ou médico-sociale"),
        SORTIE("83981-1", "Lettre de liaison à la sortie d'une structure sociale ou médico-sociale");

        private final String loinc;
        private final String displayName;

        LiaisonLetterKind(String loinc, String displayName) {
            this.loinc = loinc;
            this.displayName = displayName;
        }

        public String loinc() {
            return loinc;
        }

        public String displayName() {
            return displayName;
        }
    }
}
