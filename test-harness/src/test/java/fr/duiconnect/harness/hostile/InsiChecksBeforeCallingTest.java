package fr.duiconnect.harness.hostile;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditOutcome;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.CarteVitaleSearch;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.insi.InsiSimulator;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Check before calling, audit before answering (issue #19 point 5): every input of an INSi search is checked before
 * INSi is called, so that a lookup never happens without the audit event that records it.
 */
class InsiChecksBeforeCallingTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.INS);

    private static PersonIdentity person(String birthName, String firstNames, String birthDate) {
        return new PersonIdentity("IPP-CHECK", new IdentityTraits(birthName, List.of(firstNames.split(" ")), null, null, Sex.F,
                LocalDate.parse(birthDate), "63220"), null, IdentityStatus.PROV, Set.of());
    }

    private static final PersonIdentity ADRUN = person("ADRUN", "ZOE", "1975-12-31");

    /** The refusal, after checking that INSi received nothing. */
    private static DuiConnectException refusedBeforeCalling(DuiConnector connector, Runnable search) {
        long before = SANDBOX.sandbox().simulator(InsiSimulator.class).requestCount();
        DuiConnectException error = catchThrowableOfType(DuiConnectException.class, search::run);
        assertThat(error).as("the search must be refused").isNotNull();
        assertThat(SANDBOX.sandbox().simulator(InsiSimulator.class).requestCount()).as("INSi calls").isEqualTo(before);
        return error;
    }

    @Test
    void aThirtyCharacterFinessIsRefusedBeforeInsiIsCalled_CORE_FINESS_FORMAT(DuiConnector connector) {
        DuiConnectException error = refusedBeforeCalling(connector,
                () -> connector.ins().search(InsSearchRequest.of(ADRUN, "750000010750000010750000010750")));

        assertThat(error.code()).isEqualTo("CORE-FINESS-FORMAT");
        assertThat(error.field()).contains("finess");
    }

    @Test
    void anActorLongerThanTheAuditTrailHoldsIsRefusedBeforeInsiIsCalled(DuiConnector connector) {
        DuiConnectException error = refusedBeforeCalling(connector,
                () -> connector.ins().search(new InsSearchRequest(ADRUN, Sandbox.TEST_FINESS, "8".repeat(65))));

        assertThat(error.code()).isEqualTo("CORE-INPUT-FORMAT");
        assertThat(error.field()).contains("actor");
    }

    @Test
    void aFiveHundredCharacterNameIsRefusedBeforeInsiIsCalled_INS_TRAIT_LENGTH(DuiConnector connector) {
        DuiConnectException error = refusedBeforeCalling(connector,
                () -> connector.ins().search(InsSearchRequest.of(person("A".repeat(500), "ZOE", "1975-12-31"), Sandbox.TEST_FINESS)));

        assertThat(error.code()).isEqualTo("INS-TRAIT-LENGTH");
        assertThat(error.field()).contains("birthName");
    }

    @Test
    void aBirthDateIn2999IsRefusedBeforeInsiIsCalled_INS_BIRTH_DATE_RANGE(DuiConnector connector) {
        DuiConnectException error = refusedBeforeCalling(connector,
                () -> connector.ins().search(InsSearchRequest.of(person("ADRUN", "ZOE", "2999-01-01"), Sandbox.TEST_FINESS)));

        assertThat(error.code()).isEqualTo("INS-BIRTH-DATE-RANGE");
    }

    @Test
    void aBirthDateBefore1850IsRefusedBeforeInsiIsCalled_INS_BIRTH_DATE_RANGE(DuiConnector connector) {
        DuiConnectException error = refusedBeforeCalling(connector,
                () -> connector.ins().search(InsSearchRequest.of(person("ADRUN", "ZOE", "1066-10-14"), Sandbox.TEST_FINESS)));

        assertThat(error.code()).isEqualTo("INS-BIRTH-DATE-RANGE");
    }

    @Test
    void aCarteVitaleNumberWithSexDigit7IsNotANir_INS_MATRICULE_STRUCTURE(DuiConnector connector) {
        DuiConnectException error = refusedBeforeCalling(connector, () -> connector.ins().searchWithCarteVitale(
                new CarteVitaleSearch(ADRUN, "7751263220749", "1975-12-31", null, Sandbox.TEST_FINESS, null)));

        assertThat(error.code()).isEqualTo("INS-MATRICULE-STRUCTURE");
    }

    @Test
    void aRefusedTraitIsAuditedAsRefusedWithItsCode(DuiConnector connector) {
        refusedBeforeCalling(connector,
                () -> connector.ins().search(InsSearchRequest.of(person("ADRUN", "ZOE", "2999-01-01"), Sandbox.TEST_FINESS)));

        assertThat(connector.audit().query(new AuditQuery(null, null, "IPP-CHECK", null)))
                .anyMatch(event -> event.outcome() == AuditOutcome.REFUSED && "INS-BIRTH-DATE-RANGE".equals(event.detail()));
    }

    @Test
    void aValidSearchStillReachesInsiAndIsAudited(DuiConnector connector) {
        assertThat(connector.ins().search(InsSearchRequest.of(ADRUN, Sandbox.TEST_FINESS)).found()).isTrue();
        assertThat(connector.audit().query(new AuditQuery(null, null, "IPP-CHECK", null)))
                .anyMatch(event -> event.outcome() == AuditOutcome.SUCCESS && event.action().equals("ins.search"));
    }
}
