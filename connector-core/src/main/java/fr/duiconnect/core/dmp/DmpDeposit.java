package fr.duiconnect.core.dmp;

import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Require;

import java.util.EnumSet;
import java.util.Set;

/**
 * A CDA document to put in a person's DMP. The XDS metadata (typeCode, classCode, formatCode, facility, practice
 * setting, author, uniqueId…) is derived from the CDA header, so it cannot disagree with the document.
 *
 * @param cda          the CDA R2 document (DLU, liaison letter…), UTF-8 XML
 * @param person       the person, whose identity must be qualified and whose INS must be the CDA's
 * @param nonOpposition what the DUI recorded about the person's opposition; required
 * @param visibility   restrictions added to the confidentialityCodes, usually none
 */
public record DmpDeposit(byte[] cda, PersonIdentity person, NonOpposition nonOpposition, Set<Visibility> visibility) {

    public DmpDeposit {
        Require.present(cda, "cda");
        Require.present(person, "person");
        cda = cda.clone();
        visibility = visibility == null || visibility.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(visibility));
    }

    public static DmpDeposit of(byte[] cda, PersonIdentity person, NonOpposition nonOpposition) {
        return new DmpDeposit(cda, person, nonOpposition, Set.of());
    }

    @Override
    public byte[] cda() {
        return cda.clone();
    }

    public DmpDeposit withVisibility(Set<Visibility> restrictions) {
        return new DmpDeposit(cda, person, nonOpposition, restrictions);
    }
}
