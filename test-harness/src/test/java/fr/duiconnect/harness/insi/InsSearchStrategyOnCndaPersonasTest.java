package fr.duiconnect.harness.insi;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.ins.InsReturnCode;
import fr.duiconnect.core.ins.InsSearchResult;
import fr.duiconnect.core.ins.InsVerification;
import fr.duiconnect.core.ins.InsiCall;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.ins.model.InsErrorCode;
import fr.duiconnect.ins.search.InsSearchStrategy;
import fr.duiconnect.ins.search.InsiAnswer;
import fr.duiconnect.ins.search.RecSansVitale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search strategy against the CNDA persona table, in-process (the SOAP round trip is tested with the simulator
 * endpoint). Each test is a CNDA case of spec ins.md §1.7.
 */
class InsSearchStrategyOnCndaPersonasTest {

    private final PersonaDirectory directory = PersonaDirectory.cnda();
    private final List<RecSansVitale> sent = new ArrayList<>();
    private final InsSearchStrategy strategy = new InsSearchStrategy(request -> {
        sent.add(request);
        PersonaDirectory.Match match = directory.find(request);
        CndaPersona p = match.persona();
        return p == null ? new InsiAnswer(match.code(), null, List.of(), null, "", "")
                : new InsiAnswer(match.code(), p.active(), p.history(), p.tiq(), "", "");
    });

    private static PersonIdentity person(String name, List<String> prenoms, Sex sex, String date, String cog) {
        return PersonIdentity.provisional("IPP", new IdentityTraits(name, prenoms, null, null, sex, LocalDate.parse(date), cog));
    }

    @Test
    void CNDA_2_04_ECETINSI_found_with_its_two_former_matricules() {
        InsSearchResult result = strategy.search(person("ECETINSI", List.of("PIERRE-ALAIN", "MURIEL", "FLORIANT"), Sex.M, "2009-07-14", "63220"));
        assertThat(result.returnCode()).isEqualTo(InsReturnCode.FOUND);
        assertThat(result.ins().matricule()).isEqualTo("109076322083489");
        assertThat(result.history()).extracting(f -> f.ins().matricule()).containsExactly("209076322083439", "209066322012355");
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.RECUP);
        assertThat(sent).hasSize(1);
    }

    @Test
    void CNDA_2_05_PROVISOIRE_MATRICULE_comes_back_with_the_NIA_OID() {
        InsSearchResult result = strategy.search(person("PROVISOIRE", List.of("MATRICULE"), Sex.M, "2009-07-01", "63220"));
        assertThat(result.ins().kind()).isEqualTo(InsKind.NIA);
        assertThat(result.ins().oid()).isEqualTo("1.2.250.1.213.1.4.9");
    }

    @Test
    void CNDA_2_06_DE_VINCI_without_birth_place_is_02() {
        InsSearchResult result = strategy.search(person("DE VINCI", List.of("LEONARDO"), Sex.M, "2014-02-01", null));
        assertThat(result.returnCode()).isEqualTo(InsReturnCode.SEVERAL);
        assertThat(result.guidance()).contains("lieu de naissance");
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.PROV);
    }

    @Test
    void CNDA_2_06_cas_2_DE_VINCI_02_is_retried_with_the_COG_63220_and_gives_00() {
        InsSearchResult result = strategy.search(person("DE VINCI", List.of("LEONARDO"), Sex.M, "2014-02-01", "63220"));
        assertThat(result.returnCode()).isEqualTo(InsReturnCode.FOUND);
        assertThat(result.calls()).extracting(InsiCall::birthPlaceSent).containsExactly(false, true);
        assertThat(result.returnedTraits().birthPlace()).isEqualTo("63220");
    }

    @Test
    void CNDA_2_07_cas_1_TCHITCHI_OLA_is_01_then_CATARINA_is_00_and_the_search_stops() {
        InsSearchResult result = strategy.search(person("TCHITCHI", List.of("OLA", "CATARINA", "BELLA"), Sex.F, "1936-06-21", "63220"));
        assertThat(result.calls()).extracting(InsiCall::returnCode).containsExactly(InsReturnCode.NOT_FOUND, InsReturnCode.FOUND);
        assertThat(sent).extracting(RecSansVitale::prenom).containsExactly("OLA", "CATARINA");
        assertThat(result.ins().matricule()).isEqualTo("236066322083656");
    }

    @Test
    void CNDA_2_07_cas_1_TCHITCHI_with_OLA_alone_is_01() {
        InsSearchResult result = strategy.search(person("TCHITCHI", List.of("OLA"), Sex.F, "1936-06-21", null));
        assertThat(result.returnCode()).isEqualTo(InsReturnCode.NOT_FOUND);
        assertThat(result.guidance()).contains("Aucune identité");
    }

    @Test
    void CNDA_2_07_cas_2_HOUILLES_each_prenom_then_all_prenoms_are_01() {
        InsSearchResult result = strategy.search(person("HOUILLES", List.of("PIERRE", "PAUL", "JACQUES"), Sex.M, "1993-01-27", null));
        assertThat(result.returnCode()).isEqualTo(InsReturnCode.NOT_FOUND);
        assertThat(sent).extracting(RecSansVitale::prenom).containsExactly("PIERRE", "PAUL", "JACQUES", "PIERRE PAUL JACQUES");
    }

    @Test
    void CNDA_2_08_cas_1_CORSE_Corsican_matricule() {
        InsSearchResult result = strategy.search(person("CORSE", List.of("ANTHONY"), Sex.M, "1980-03-02", "2B020"));
        assertThat(result.ins().matricule()).isEqualTo("180032B02040123");
        assertThat(result.history()).isEmpty();
    }

    @Test
    void CNDA_2_08_cas_2_HERMAN_found_as_HERMANN_is_not_stored_until_reviewed() {
        InsSearchResult result = strategy.search(person("HERMAN", List.of("GATIEN"), Sex.M, "1981-03-24", "63220"));
        assertThat(result.returnCode()).isEqualTo(InsReturnCode.FOUND);
        assertThat(result.traitsMatch()).isFalse();
        assertThat(result.resultingStatus()).isEqualTo(IdentityStatus.PROV);
        assertThat(result.guidance()).contains("nomNaissance");
        assertThat(result.ins().keyVerified()).isFalse();
    }

    @Test
    void CNDA_2_03_cas_3_DAEION_COEUR_is_refused_before_any_call() {
        assertThatThrownBy(() -> strategy.search(person("D’ÆION", List.of("CŒUR"), Sex.M, "1987-01-01", "2B020")))
                .isInstanceOfSatisfying(DuiConnectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.TRAIT_TYPOGRAPHIC_APOSTROPHE));
        assertThat(sent).isEmpty();
    }

    @Test
    void EXI_SI_09_douteuse_identity_never_reaches_INSi() {
        PersonIdentity doubtful = new PersonIdentity("IPP", person("NESSI", List.of("NATHALIE"), Sex.F, "1977-07-14", "63220").traits(),
                null, IdentityStatus.PROV, Set.of(IdentityAttribute.DOUT));
        assertThatThrownBy(() -> strategy.search(doubtful)).isInstanceOf(IdentityRefusedException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void VALI_identity_becomes_QUAL_on_00_CNDA_3_05_NESSI_NATHALIE() {
        PersonIdentity vali = new PersonIdentity("IPP", person("NESSI", List.of("NATHALIE"), Sex.F, "1977-07-14", "63220").traits(),
                null, IdentityStatus.VALI, Set.of());
        assertThat(strategy.search(vali).resultingStatus()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void verification_of_a_stored_former_matricule_is_confirmed_but_not_active() {
        PersonIdentity ecetinsi = person("ECETINSI", List.of("PIERRE-ALAIN", "MURIEL", "FLORIANT"), Sex.M, "2009-07-14", "63220");
        PersonIdentity stored = new PersonIdentity("IPP", ecetinsi.traits(),
                fr.duiconnect.core.model.Ins.parse("209076322083439", InsKind.NIR), IdentityStatus.RECUP, Set.of());
        InsVerification verification = strategy.verify(stored);
        assertThat(verification.confirmed()).isTrue();
        assertThat(verification.stillActive()).isFalse();
    }
}
