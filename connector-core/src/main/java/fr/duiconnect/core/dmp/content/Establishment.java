package fr.duiconnect.core.dmp.content;

import fr.duiconnect.core.model.Require;
import fr.duiconnect.core.model.Structure;

/**
 * The ESMS writing the document: author's organisation, custodian and care setting of the CDA header.
 *
 * @param phone a French telephone number, may be null
 */
public record Establishment(Structure structure, PostalAddress address, String phone) {

    public Establishment {
        Require.present(structure, "establishment.structure");
        Require.present(address, "establishment.address");
        phone = Telecoms.phoneOrNull(phone, "establishment.phone");
    }
}
