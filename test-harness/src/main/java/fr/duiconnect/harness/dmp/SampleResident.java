package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.dmp.content.Establishment;
import fr.duiconnect.core.dmp.content.ResidentRecord;
import fr.duiconnect.core.model.Finess;
import fr.duiconnect.core.model.Structure;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.dmp.document.ResidentJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The resident of {@code samples/resident-example.json} (shipped in this jar, the JSON format's reference): an EHPAD
 * resident of the sandbox structure, with the ANS kit's test INS. For the demo, the benches and conformance runs.
 */
public final class SampleResident {

    public static final String RESOURCE = "/samples/resident-example.json";

    private SampleResident() {
    }

    public static ResidentRecord load() {
        try (InputStream in = SampleResident.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            // the sample names no PDF, so no folder is ever read
            return ResidentJson.read(in.readAllBytes(), Path.of("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample resident as a resident of the structure with this FINESS géographique (e.g. a configured one). */
    public static ResidentRecord ofStructure(String finess) {
        ResidentRecord sample = load();
        Structure own = sample.establishment().structure();
        if (own.finessGeographique().value().equals(finess)) {
            return sample;
        }
        Establishment establishment = new Establishment(new Structure(Finess.of(finess), null, own.name(), own.facilityTypeCode(),
                own.practiceSettingCode()), sample.establishment().address(), sample.establishment().phone());
        return sample.withEstablishment(establishment);
    }

    /** The sample's clinical record for another (qualified) person, e.g. a sandbox persona. */
    public static ResidentRecord forPerson(PersonIdentity person) {
        return load().withPerson(person);
    }
}
