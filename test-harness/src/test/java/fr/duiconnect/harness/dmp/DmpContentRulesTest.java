package fr.duiconnect.harness.dmp;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated DMP validates every CDA of an ITI-41 with the ANS kit, as the DMP does: the kit's own DLU example is
 * registered, and each mutation of it that breaks the CDA schema, the DLU volet or structuration minimale is refused
 * with an XDS error whose codeContext is the failed assertion. The kit's body profiles only warn. The submissions
 * are built as the connector builds them, past the client's own pre-checks.
 */
class DmpContentRulesTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.DMP);

    @BeforeAll
    static void gateway() {
        DmpRegistryRulesTest.connect(SANDBOX.sandbox());
    }

    private static String deposited(UnaryOperator<String> mutation) {
        KitDlu.Generated kit = DmpRegistryRulesTest.dlu.forStructure(Sandbox.TEST_FINESS);
        byte[] mutated = mutation.apply(new String(kit.cda(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return DmpRegistryRulesTest.refusal(new DmpRegistryRulesTest.Deposit(new KitDlu.Generated(kit.uniqueId(), mutated)),
                DmpRegistryRulesTest.gateway);
    }

    private static UnaryOperator<String> replacing(String from, String to) {
        return xml -> {
            assertThat(xml).as("the mutation applies to the kit example").contains(from);
            return xml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        };
    }

    /** Metadata checks alone would register documents the DMP refuses: no kit, no DMP simulator. */
    @Test
    void withoutTheKitTheSimulatorDoesNotStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DmpSimulator().withKit(null).start(null, Sandbox.TEST_FINESS, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ANS CDA validation kit is not found");
    }

    @Test
    void theKitsOwnExampleIsRegistered(DmpSimulator dmp) {
        assertThat(deposited(xml -> xml)).isEqualTo("accepted");
        assertThat(dmp.validatesContent()).isTrue();
        assertThat(dmp.contentValidations()).isPositive();
    }

    /** CDA schema (CDA_extended.xsd): an element the schema does not know. */
    @Test
    void anElementOutsideTheCdaSchemaIsRefused() {
        assertThat(deposited(replacing("<languageCode", "<langue code=\"fr\"/><languageCode")))
                .startsWith(DmpContentCheck.REFUSAL_CODE).contains("[schema]").contains("langue");
    }

    /** DLU volet: the médecin traitant is a participant INF (Entete_DLU-DLU). */
    @Test
    void aMedecinTraitantNotParticipantInfIsRefusedByTheDluVolet() {
        assertThat(deposited(replacing("<participant typeCode=\"INF\">", "<participant typeCode=\"IND\">")))
                .startsWith(DmpContentCheck.REFUSAL_CODE).contains("CI-SIS_DLU-EHPAD-DLU_2022.01.sch");
    }

    /** DLU volet: a checklist code outside JDV_ChecklistDLU_CISIS. */
    @Test
    void aChecklistCodeOutsideItsValueSetIsRefusedByTheDluVolet() {
        assertThat(deposited(replacing("code=\"DLU_006\"", "code=\"DLU_999\"")))
                .startsWith(DmpContentCheck.REFUSAL_CODE).contains("CI-SIS_DLU-EHPAD-DLU_2022.01.sch");
    }

    /** Structuration minimale SMDS_CDAClinicalDocument: the INS traits, birth place included, go with the INS. */
    @Test
    void anInsWithoutBirthPlaceIsRefusedByStructurationMinimale() {
        assertThat(deposited(xml -> xml.replaceFirst("(?s)<birthplace>.*?</birthplace>", "")))
                .startsWith(DmpContentCheck.REFUSAL_CODE).contains("ASIP-STRUCT-MIN-StrucMin.sch").contains("traits de l'INS");
    }

    /** Structuration minimale CI-SISAuthor: the practice setting is a code of JDV_J04. */
    @Test
    void aPracticeSettingOutsideJ04IsRefusedByStructurationMinimale() {
        assertThat(deposited(xml -> xml.replace("standardIndustryClassCode code=\"ETABLISSEMENT\"", "standardIndustryClassCode code=\"CUISINE\"")))
                .startsWith(DmpContentCheck.REFUSAL_CODE).contains("ASIP-STRUCT-MIN-StrucMin.sch").contains("1.2.250.1.213.1.1.5.467");
    }

    /** E_produitDeSante_fr [1] is a body profile: the DMP registers the DLU and says what the profile found. */
    @Test
    void aBodyProfileFailureIsAWarningNotARefusal(DmpSimulator dmp) {
        assertThat(deposited(xml -> xml.replace("codeSystem=\"1.2.250.1.213.2.3.1\" codeSystemName=\"CIS\"",
                "codeSystem=\"2.16.840.1.113883.6.73\" codeSystemName=\"ATC\""))).isEqualTo("accepted");
        assertThat(dmp.lastContentWarnings()).isNotEmpty().allSatisfy(w -> assertThat(w).contains("E_produitDeSante_fr"));
    }
}
