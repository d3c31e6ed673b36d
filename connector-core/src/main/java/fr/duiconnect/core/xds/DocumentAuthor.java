package fr.duiconnect.core.xds;

import fr.duiconnect.core.model.Code;
import fr.duiconnect.core.model.Professional;
import fr.duiconnect.core.model.Require;
import fr.duiconnect.core.model.Structure;

/**
 * XDS author: the person (XCN), the institution (XON with FINESS), role and specialty.
 *
 * @param person      authorPerson; required by the DMP (R)
 * @param institution authorInstitution (R2)
 * @param role        authorRole, may be null
 * @param specialty   authorSpecialty (J01), may be null
 */
public record DocumentAuthor(Professional person, Structure institution, Code role, Code specialty) {

    public DocumentAuthor {
        Require.present(person, "author.person");
        Require.present(institution, "author.institution");
    }
}
