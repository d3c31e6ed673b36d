package fr.duiconnect.harness.insi;

import fr.duiconnect.core.DuiConnector;
import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.audit.AuditQuery;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.ins.InsSearchRequest;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.ins.InsWarning;
import fr.duiconnect.core.ins.InsVerification;
import fr.duiconnect.core.ins.InsiReturnCode;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.harness.junit.SandboxExtension;
import fr.duiconnect.harness.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CNDA INSi cases, through the real client over mutual TLS against the simulated teleservice. */
class InsiCndaCasesTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.INS);

    static PersonIdentity person(String birthName, String firstNames, Sex sex, String date, String cog, IdentityStatus status) {
        IdentityTraits traits = new IdentityTraits(birthName, Arrays.asList(firstNames.split(" ")), null, null, sex, LocalDate.parse(date), cog);
        return new PersonIdentity("IPP-" + Math.abs(birthName.hashCode()), traits, null, status, Set.of());
    }

    static PersonIdentity person(String birthName, String firstNames, Sex sex, String date, String cog) {
        return person(birthName, firstNames, sex, date, cog, IdentityStatus.PROV);
    }

    private static InsSearchResult search(DuiConnector connector, PersonIdentity person) {
        return connector.ins().search(InsSearchRequest.of(person, Sandbox.TEST_FINESS));
    }

    @Test
    void adrunZoeIsFoundAndTheIdentityBecomesRecovered(DuiConnector connector) {
        InsSearchResult result = search(connector, person("ADRUN", "ZOE", Sex.F, "1975-12-31", "63220"));
        assertThat(result.code()).isEqualTo(InsiReturnCode.FOUND);
        assertThat(result.ins().matricule()).isEqualTo("275126322074974");
        assertThat(result.ins().kind()).isEqualTo(InsKind.NIR_TEST);
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.RECUP);
        assertThat(result.calls()).isEqualTo(1);
        assertThat(result.lastRequest()).contains("RECSANSVITALE").contains("ContexteLPS").contains("IDAM R=\"4\"");
    }

    @Test
    void cnda_2_03_cas1_apostrophesHyphenAndSpacesAreAccepted(DuiConnector connector) {
        InsSearchResult result = search(connector, person("D'ARTAGNAN DE L'HERAULT", "PIERRE-ALAIN", Sex.M, "2001-06-17", "63220"));
        assertThat(result.code()).isEqualTo(InsiReturnCode.FOUND);
    }

    @Test
    void cnda_2_03_cas3_typographicApostropheAndLigaturesAreRefusedBeforeSending(DuiConnector connector, Sandbox sandbox) {
        long before = sandbox.simulator(InsiSimulator.class).requestCount();
        assertThatThrownBy(() -> search(connector, person("D’ÆION", "CŒUR", Sex.M, "1987-01-01", "2B020")))
                .isInstanceOf(DuiConnectException.class).hasMessageContaining("INS-TRAIT-CHARACTER").hasMessageContaining("birthName");
        assertThat(sandbox.simulator(InsiSimulator.class).requestCount()).isEqualTo(before);
    }

    @Test
    void cnda_2_04_aFormerMatriculeStillResolves_INSHISTO(DuiConnector connector) {
        InsSearchResult result = search(connector, person("ECETINSI", "PIERRE-ALAIN", Sex.M, "2009-07-14", "63220"));
        assertThat(result.ins().matricule()).isEqualTo("109076322083489");
        assertThat(result.history()).extracting(Ins::matricule).containsExactly("209076322083439", "209066322012355");
        assertThat(result.resolves("209066322012355")).isTrue();
    }

    @Test
    void cnda_2_05_aProvisionalMatriculeComesWithTheNiaOid(DuiConnector connector) {
        InsSearchResult result = search(connector, person("PROVISOIRE", "MATRICULE", Sex.M, "2009-07-01", "63220"));
        assertThat(result.ins().kind()).isEqualTo(InsKind.NIA);
        assertThat(result.ins().oid()).isEqualTo("1.2.250.1.213.1.4.9");
    }

    @Test
    void cnda_2_06_severalIdentitiesWithoutBirthPlace_thenOneWithIt(DuiConnector connector) {
        InsSearchResult without = search(connector, person("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", null));
        assertThat(without.code()).isEqualTo(InsiReturnCode.SEVERAL);
        assertThat(without.guidance()).contains("lieu de naissance");

        InsSearchResult with = search(connector, person("DE VINCI", "LEONARDO", Sex.M, "2014-02-01", "63220"));
        assertThat(with.code()).isEqualTo(InsiReturnCode.FOUND);
        assertThat(with.calls()).isEqualTo(2);
    }

    @Test
    void cnda_2_07_cas1_onePrenomAtATimeStopsAtTheFirstFound(DuiConnector connector) {
        InsSearchResult result = search(connector, person("TCHITCHI", "OLA CATARINA BELLA", Sex.F, "1936-06-21", "63220"));
        assertThat(result.code()).isEqualTo(InsiReturnCode.FOUND);
        assertThat(result.calls()).isEqualTo(2);
        assertThat(result.ins().matricule()).isEqualTo("236066322083656");
    }

    @Test
    void cnda_2_07_cas2_notFoundAfterEachPrenomAndAllTogether(DuiConnector connector) {
        InsSearchResult result = search(connector, person("HOUILLES", "PIERRE PAUL JACQUES", Sex.M, "1993-01-27", null));
        assertThat(result.code()).isEqualTo(InsiReturnCode.NOT_FOUND);
        assertThat(result.calls()).isEqualTo(4);
        assertThat(result.guidance()).contains("Aucune identité");
    }

    @Test
    void cnda_2_08_cas1_aCorsicanMatriculeKeepsItsDepartment(DuiConnector connector) {
        assertThat(search(connector, person("CORSE", "ANTHONY", Sex.M, "1980-03-02", "2B020")).ins().matricule())
                .isEqualTo("180032B02040123");
    }

    @Test
    void cnda_2_08_cas2_insiOutputWithAnUnexpectedKeyIsKept(DuiConnector connector) {
        InsSearchResult result = search(connector, person("HERMANN", "GATIEN", Sex.M, "1981-03-24", "63220"));
        assertThat(result.ins().matricule()).isEqualTo("181036322045660");
        assertThat(result.ins().keyVerified()).isFalse();
    }

    /** The guide: do not reject INSi output on a key mismatch — keep it, and say so, typed, naming the field. */
    @Test
    void cnda_2_08_cas2_aReturnedKeyOutsideTheFormulaIsATypedWarningNamingTheField(DuiConnector connector) {
        InsSearchResult result = search(connector, person("HERMANN", "GATIEN", Sex.M, "1981-03-24", "63220"));
        assertThat(result.code()).isEqualTo(InsiReturnCode.FOUND);
        // INSACTIF 1810363220456/60 and the INSHISTO entries the simulator returns: none follows the formula
        assertThat(result.warnings()).extracting(InsWarning::code).containsOnly(InsWarning.Code.KEY_MISMATCH);
        assertThat(result.warnings()).extracting(InsWarning::field).startsWith("ins.key", "history[0].key");
        assertThat(result.warnings().get(0).code().value()).isEqualTo("INS-KEY-MISMATCH");
        assertThat(result.guidance()).contains("identitovigilance");
    }

    @Test
    void cnda_2_08_cas2_theAuditEventOfTheSearchRecordsTheKeyWarning(DuiConnector connector) {
        PersonIdentity hermann = person("HERMANN", "GATIEN", Sex.M, "1981-03-24", "63220");
        search(connector, hermann);
        assertThat(connector.audit().query(AuditQuery.all().forPerson(hermann.localId())))
                .filteredOn(e -> "ins.search".equals(e.action())).last()
                .satisfies(e -> assertThat(e.detail()).contains("INS-KEY-MISMATCH ins.key").contains("INS-KEY-MISMATCH history[0].key"));
    }

    @Test
    void aReturnedKeyThatFollowsTheFormulaCarriesNoWarning(DuiConnector connector) {
        InsSearchResult result = search(connector, person("CORSE", "ANTHONY", Sex.M, "1980-03-02", "2B020"));
        assertThat(result.ins().keyVerified()).isTrue();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void cnda_2_08_cas2_queriedAsHermanTheIdentityComesBackAsHermannAndTheDifferenceIsReported(DuiConnector connector) {
        InsSearchResult result = search(connector, person("HERMAN", "GATIEN", Sex.M, "1981-03-24", "63220"));
        assertThat(result.ins().matricule()).isEqualTo("181036322045660");
        assertThat(result.returnedTraits().birthName()).isEqualTo("HERMANN");
        assertThat(result.traitDifferences()).contains("birthName");
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.PROV);
    }

    @Test
    void aValidatedIdentityFoundWithMatchingTraitsBecomesQualified(DuiConnector connector) {
        InsSearchResult result = search(connector, person("NESSI", "NATHALIE", Sex.F, "1977-07-14", "63220", IdentityStatus.VALI));
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void differingTraitsAreReportedAndTheStatusDoesNotChange(DuiConnector connector) {
        InsSearchResult result = search(connector, person("NESSI", "NATHALIE", Sex.F, "1977-07-14", "75056"));
        assertThat(result.traitDifferences()).containsExactly("birthPlaceCog");
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.PROV);
    }

    @Test
    void aDoubtfulIdentityIsNeverSentToInsi(DuiConnector connector, Sandbox sandbox) {
        long before = sandbox.simulator(InsiSimulator.class).requestCount();
        PersonIdentity doubtful = new PersonIdentity("IPP-D", person("ADRUN", "ZOE", Sex.F, "1975-12-31", "63220").traits(), null,
                IdentityStatus.PROV, Set.of(IdentityAttribute.DOUT));
        assertThatThrownBy(() -> search(connector, doubtful)).hasMessageContaining("INS-RNIV-DOUT-FICT");
        assertThat(sandbox.simulator(InsiSimulator.class).requestCount()).isEqualTo(before);
    }

    @Test
    void withTheCarteVitaleDataTheInsIsFoundAndTheTraitsCompared_RECVITALE(DuiConnector connector) {
        PersonIdentity nessi = person("NESSI", "MICHELANGELO ANTHONY", Sex.M, "2010-08-07", "63220");
        InsSearchResult result = connector.ins().searchWithCarteVitale(
                new fr.duiconnect.core.ins.CarteVitaleSearch(nessi, "1100863220830", "2010-08-07", "1", Sandbox.TEST_FINESS, null));
        assertThat(result.code()).isEqualTo(InsiReturnCode.FOUND);
        assertThat(result.ins().matricule()).isEqualTo("110086322083060");
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.RECUP);
        assertThat(result.lastRequest()).contains("RECVITALE").contains("rechercherInsAvecCarteVitale");
    }

    @Test
    void aCarteVitaleOfSomeoneElseFindsNothing_RECVITALE(DuiConnector connector) {
        PersonIdentity nessi = person("NESSI", "MICHELANGELO ANTHONY", Sex.M, "2010-08-07", "63220");
        InsSearchResult result = connector.ins().searchWithCarteVitale(
                new fr.duiconnect.core.ins.CarteVitaleSearch(nessi, "1100863220830", "2010-08-08", null, Sandbox.TEST_FINESS, null));
        assertThat(result.code()).isEqualTo(InsiReturnCode.NOT_FOUND);
    }

    @Test
    void aStoredInsIsVerifiedAgainstInsi(DuiConnector connector) {
        PersonIdentity stored = person("ECETINSI", "PIERRE-ALAIN", Sex.M, "2009-07-14", "63220")
                .withStatus(IdentityStatus.RECUP, Ins.parse("209066322012355", InsKind.NIR_TEST));
        InsVerification verification = connector.ins().verify(stored, Sandbox.TEST_FINESS);
        assertThat(verification.confirmed()).isFalse();
        assertThat(verification.replacedBy()).isEqualTo("109076322083489");
    }

    @Test
    void everySearchIsAuditedWithoutTraits(DuiConnector connector) {
        search(connector, person("NESSI", "MICHELANGELO ANTHONY", Sex.M, "2010-08-07", "63220"));
        var events = connector.audit().query(fr.duiconnect.core.audit.AuditQuery.all());
        assertThat(events).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("ins.search");
            assertThat(event.detail()).startsWith("CR 00");
            assertThat(event.detail()).doesNotContain("NESSI");
        });
    }

    @Test
    void theSandboxPersonasOfTheOtherSimulatorsAreKnownToo(DuiConnector connector) {
        var resident = fr.duiconnect.harness.fhir.InsPersona.ALL.get(1);
        InsSearchResult result = search(connector, person(resident.birthName(), String.join(" ", resident.firstNames()),
                resident.sex(), resident.birthDate().toString(), resident.birthPlaceCog()));
        assertThat(result.ins().matricule()).isEqualTo(resident.matricule());
        assertThat(List.of(InsiReturnCode.FOUND)).contains(result.code());
    }
}
