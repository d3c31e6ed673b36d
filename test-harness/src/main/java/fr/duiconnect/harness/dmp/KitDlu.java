package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.core.xds.XdsUniqueIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The ANS kit's example DLU (DLU-EHPAD-DLU_2022.01.xml), re-identified for a deposit: a fresh uniqueId and setId, the
 * sandbox structure's FINESS as author, optionally another patient INS. For simulator tests, conformance scenarios
 * and the bench, where what matters is the exchange, not the document's clinical content.
 */
public final class KitDlu {

    /** The kit example's patient (test NIR) as a qualified identity. */
    public static final PersonIdentity KIT_PATIENT = qualified("2790351215189", "PAT-TROIS", "DOMINIQUE", Sex.F, LocalDate.of(1979, 3, 28));

    private static final String KIT_ID = "1.2.250.1.213.1.1.1.22.2022.1.1";
    private static final String KIT_FINESS = "1750803447";
    private static final String KIT_INS = "279035121518989";

    private final String template;

    private KitDlu(String template) {
        this.template = template;
    }

    public static KitDlu load(Path kit) {
        try {
            return new KitDlu(Files.readString(kit.resolve("ExemplesCDA/DLU-EHPAD-DLU_2022.01.xml"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the ANS kit's example DLU cannot be read under " + kit, e);
        }
    }

    /** A DLU for the kit patient, authored by the structure, with a new uniqueId. */
    public Generated forStructure(String finess) {
        return forPerson(finess, KIT_PATIENT.ins(), null);
    }

    /** A DLU for another person (same clinical content), optionally replacing an earlier DLU (relatedDocument RPLC). */
    public Generated forPerson(String finess, Ins ins, String replacesUniqueId) {
        String uniqueId = XdsUniqueIds.random();
        String xml = template.replace("<id root=\"" + KIT_ID + "\"/>", "<id root=\"" + uniqueId + "\"/>")
                .replace("extension=\"" + KIT_FINESS + "\"", "extension=\"1" + finess + "\"")
                .replace("extension=\"" + KIT_INS + "\" root=\"1.2.250.1.213.1.4.10\"", "extension=\"" + ins.matricule() + "\" root=\"" + ins.oid() + "\"");
        if (replacesUniqueId != null) {
            xml = xml.replace("<componentOf>", "<relatedDocument typeCode=\"RPLC\"><parentDocument><id root=\"" + replacesUniqueId
                    + "\"/><versionNumber value=\"1\"/></parentDocument></relatedDocument><componentOf>");
            xml = xml.replace("<versionNumber value=\"1\"/>\n", "<versionNumber value=\"2\"/>\n");
        }
        return new Generated(uniqueId, xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A generated document and its uniqueId. */
    public record Generated(String uniqueId, byte[] cda) {
    }

    public static PersonIdentity qualified(String number, String birthName, String firstName, Sex sex, LocalDate birthDate) {
        Ins ins = Ins.of(number, Ins.computeKey(number), InsKind.NIR_TEST);
        IdentityTraits traits = new IdentityTraits(birthName, List.of(firstName), null, null, sex, birthDate, "51215");
        return new PersonIdentity("IPP-" + number, traits, ins, IdentityStatus.QUAL, Set.of());
    }
}
