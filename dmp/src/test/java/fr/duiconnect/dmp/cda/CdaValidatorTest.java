package fr.duiconnect.dmp.cda;

import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ANS kit's own example passes; a mutation of it fails the rule it breaks. */
public class CdaValidatorTest {

    /** The ANS kit beside the clone ({@code ../shared}), or where {@code -Ddui.shared.dir} says. */
    public static Path kit() {
        String shared = System.getProperty("dui.shared.dir", "../../shared");
        return Path.of(shared, "conformance", "ans-cda-kit");
    }

    private static CdaValidator validator;
    private static CdaValidator shared;

    /**
     * One validator for every test class of this module: compiling structuration minimale takes seconds, and the
     * compiled schematrons are immutable. Its working copy of the kit is removed when the test JVM ends.
     */
    public static synchronized CdaValidator shared() {
        if (shared == null) {
            shared = new CdaValidator(kit());
            CdaValidator closing = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(closing::close, "cda-validator-cleanup"));
        }
        return shared;
    }

    @BeforeAll
    static void compileOnce() {
        validator = shared();
    }

    private static byte[] example() throws Exception {
        return Files.readAllBytes(kit().resolve("ExemplesCDA/DLU-EHPAD-DLU_2022.01.xml"));
    }

    @Test
    void theKitsExampleDluHasNoSchemaErrorAndNoFailedAssertion() throws Exception {
        CdaValidationReport report = validator.validate(example());
        assertThat(report.findings()).isEmpty();
        assertThat(report.schematrons()).containsExactly("CI-SIS_DLU-EHPAD-DLU_2022.01.sch",
                "profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch");
        assertThat(report.rulesFired()).isGreaterThan(100);
    }

    @Test
    void aDluWithoutItsDispositionsSectionFailsTheDluSchematron() throws Exception {
        String cda = new String(example(), StandardCharsets.UTF_8)
                .replace("1.3.6.1.4.1.19376.1.5.3.1.1.13.2.10", "1.3.6.1.4.1.19376.1.5.3.1.1.13.2.99");
        CdaValidationReport report = validator.validate(cda.getBytes(StandardCharsets.UTF_8));
        assertThat(report.findings()).anySatisfy(finding -> {
            assertThat(finding.source()).isEqualTo("CI-SIS_DLU-EHPAD-DLU_2022.01.sch");
            assertThat(finding.text()).contains("Dispositions");
        });
    }

    @Test
    void anElementTheCdaSchemaDoesNotKnowIsASchemaError() throws Exception {
        String cda = new String(example(), StandardCharsets.UTF_8).replaceFirst("<title>", "<titre>x</titre><title>");
        assertThat(validator.validate(cda.getBytes(StandardCharsets.UTF_8)).findings())
                .anySatisfy(finding -> assertThat(finding.source()).isEqualTo("schema"));
    }

    @Test
    void aKitLocationWithoutTheKitIsAConfigurationError() {
        assertThatThrownBy(() -> new CdaValidator(Path.of("/nonexistent-kit"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("schematrons");
    }
}
