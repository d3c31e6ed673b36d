package fr.duiconnect.core.structure;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.config.ConnectorConfig;
import fr.duiconnect.core.config.ConnectorProperties;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.model.Finess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Structures as data: files, today's single-structure properties as a registry of one, and the typed refusals. */
class StructureRegistryTest {

    @TempDir
    Path dir;

    private static final String SOFTWARE = """
            dui.software.name=MonDUI
            dui.software.version=4.2
            dui.software.installation-id=6b1f0c2e-8d7a-4a51-9d0e-0c7a3b9e2f10
            dui.journal.dir=journal
            """;

    private ConnectorConfig load(String properties) throws Exception {
        Properties read = new Properties();
        read.load(new java.io.StringReader(SOFTWARE + properties));
        return ConnectorProperties.fromProperties(read, dir);
    }

    private static final String TILLEULS = """
            dui.dmp.url=https://dmp.example.test/services
            dui.dmp.tls.truststore=trust.p12
            dui.dmp.tls.truststore.password.file=secret.pass
            dui.dmp.tls.keystore=tilleuls-auth.p12
            dui.dmp.tls.keystore.password.file=secret.pass
            dui.dmp.option.finess=750000010
            dui.dmp.option.vihf.name-id=810001234565
            dui.dmp.option.sign.keystore=tilleuls-sign.p12
            dui.dmp.option.kit=/opt/kit
            """;

    @Test
    void todaysSingleStructurePropertiesAreARegistryOfOneWithTheEndpointsIdentity() throws Exception {
        Files.writeString(dir.resolve("secret.pass"), "x");
        ConnectorConfig config = load(TILLEULS);

        assertThat(config.structures()).isEmpty();
        StructureProfile implicit = config.structuresOrImplicit().get(0);
        assertThat(implicit.finess()).isEqualTo(Finess.of("750000010"));
        assertThat(implicit.services()).containsOnlyKeys(ServiceSocle.DMP);
        StructureService dmp = implicit.service(ServiceSocle.DMP).orElseThrow();
        assertThat(dmp.authentication().path()).isEqualTo(dir.resolve("tilleuls-auth.p12"));
        assertThat(dmp.options()).containsEntry("vihf.name-id", "810001234565").containsEntry("sign.keystore", "tilleuls-sign.p12")
                .doesNotContainKey("kit");   // shared by every structure: not part of its identity
    }

    @Test
    void structureFilesAddStructuresWithTheirCertificatesServicesAndHomologations() throws Exception {
        Files.writeString(dir.resolve("secret.pass"), "s3cr3t-value");
        Path structures = Files.createDirectories(dir.resolve("structures"));
        Files.writeString(structures.resolve("glycines.properties"), """
                structure.finess=690000017
                structure.finess-juridique=690000009
                structure.name=EHPAD Les Glycines
                structure.category=500
                structure.services=dmp,ins
                structure.homologation.dmp=DMP-HOMOL-2
                structure.dmp.tls.keystore=glycines/auth.p12
                structure.dmp.tls.keystore.password.file=../secret.pass
                structure.dmp.sign.keystore=glycines/sign.p12
                structure.dmp.sign.keystore.password.file=../secret.pass
                structure.dmp.sign.keystore.alias=sign
                structure.dmp.option.vihf.name-id=810009999999
                structure.ins.tls.keystore=glycines/insi.p12
                structure.ins.tls.keystore.password.file=../secret.pass
                """);
        ConnectorConfig config = load(TILLEULS + "dui.structures.dir=structures\n");

        assertThat(config.structuresOrImplicit()).extracting(s -> s.finess().value()).containsExactly("690000017", "750000010");
        StructureProfile glycines = config.structures().get(0);
        assertThat(glycines.finessJuridique()).isEqualTo(Finess.of("690000009"));
        assertThat(glycines.services()).containsOnlyKeys(ServiceSocle.DMP, ServiceSocle.INS);
        StructureService dmp = glycines.service(ServiceSocle.DMP).orElseThrow();
        assertThat(dmp.signature().path()).isEqualTo(structures.resolve("glycines/sign.p12"));
        assertThat(dmp.signature().alias()).isEqualTo("sign");
        assertThat(dmp.options()).containsEntry("vihf.name-id", "810009999999");
        assertThat(glycines.software(config.software()).homologation("dmp")).contains("DMP-HOMOL-2");
        assertThat(glycines.toString()).doesNotContain("s3cr3t-value").contains("Secret[from file");
    }

    @Test
    void aStructureFileWithoutItsServicesIsRefusedNamingTheProperty() throws Exception {
        Path structures = Files.createDirectories(dir.resolve("structures"));
        Files.writeString(structures.resolve("a.properties"), "structure.finess=690000017\nstructure.name=A\n");
        assertThatThrownBy(() -> load("dui.structures.dir=structures\n"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("structure.services");
    }

    @Test
    void aDisabledStructureIsRefusedWithStructureDisabled() {
        StructureRegistry registry = StructureRegistry.of(java.util.List.of(StructureProfile.builder(Finess.of("690000017"), "A")
                .service(ServiceSocle.INS, StructureService.of(null, null)).build()));
        registry.disable(Finess.of("690000017"));
        assertThatThrownBy(() -> registry.require("690000017", ServiceSocle.INS))
                .isInstanceOfSatisfying(StructureRefusedException.class, e -> assertThat(e.errorCode()).isEqualTo(StructureErrorCode.DISABLED));
        registry.enable(Finess.of("690000017"));
        assertThat(registry.require("690000017", ServiceSocle.INS).enabled()).isTrue();
    }

    @Test
    void aServiceTheStructureDoesNotUseIsRefusedWithStructureServiceNotEnabled() {
        StructureRegistry registry = StructureRegistry.of(java.util.List.of(StructureProfile.builder(Finess.of("690000017"), "A")
                .service(ServiceSocle.INS, StructureService.of(null, null)).build()));
        assertThatThrownBy(() -> registry.require("690000017", ServiceSocle.DMP))
                .isInstanceOfSatisfying(StructureRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("STRUCTURE-SERVICE-NOT-ENABLED"));
    }

    @Test
    void anUnknownStructureIsRefusedWithStructureUnknown() {
        assertThatThrownBy(() -> StructureRegistry.empty().require("690000017", ServiceSocle.DMP))
                .isInstanceOfSatisfying(StructureRefusedException.class, e -> assertThat(e.code()).isEqualTo("STRUCTURE-UNKNOWN"));
    }

    @Test
    void identityOptionsAreTheOnesNamingAStructure() {
        assertThat(StructureService.isIdentityOption("finess")).isTrue();
        assertThat(StructureService.isIdentityOption("sign.keystore.password.file")).isTrue();
        assertThat(StructureService.isIdentityOption("mailbox.unit")).isTrue();
        assertThat(StructureService.isIdentityOption("token.file")).isTrue();
        assertThat(StructureService.isIdentityOption("kit")).isFalse();
        assertThat(StructureService.isIdentityOption("vihf.version")).isFalse();
        assertThat(StructureService.isIdentityOption("imap.url")).isFalse();
    }
}
