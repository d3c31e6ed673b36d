package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.ins.InsiTraits;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.ins.model.InsErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RnivStateMachineTest {

    static final IdentityTraits TCHITCHI = new IdentityTraits("TCHITCHI", List.of("CATARINA", "BELLA"), null, null,
            Sex.F, LocalDate.of(1936, 6, 21), "63220");
    static final InsiTraits TCHITCHI_TIQ = new InsiTraits("TCHITCHI", "CATARINA BELLA", null, "F", "1936-06-21", "63220");
    static final Ins TCHITCHI_INS = Ins.of("2360663220836", "56", InsKind.NIR);

    @Test
    void PROV_becomes_RECUP_on_an_INSi_match() {
        PersonIdentity after = RnivStateMachine.afterInsiMatch(PersonIdentity.provisional("1", TCHITCHI), TCHITCHI_INS,
                TraitComparison.compare(TCHITCHI, TCHITCHI_TIQ));
        assertThat(after.status()).isEqualTo(IdentityStatus.RECUP);
        assertThat(after.ins()).isEqualTo(TCHITCHI_INS);
    }

    @Test
    void RECUP_becomes_QUAL_on_a_document_check() {
        PersonIdentity recup = new PersonIdentity("1", TCHITCHI, TCHITCHI_INS, IdentityStatus.RECUP, Set.of());
        assertThat(RnivStateMachine.afterDocumentCheck(recup, HighTrustDocument.CN).status()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void PROV_becomes_VALI_on_a_document_check() {
        assertThat(RnivStateMachine.afterDocumentCheck(PersonIdentity.provisional("1", TCHITCHI), HighTrustDocument.PA).status())
                .isEqualTo(IdentityStatus.VALI);
    }

    @Test
    void VALI_becomes_QUAL_on_an_INSi_match() {
        PersonIdentity vali = new PersonIdentity("1", TCHITCHI, null, IdentityStatus.VALI, Set.of());
        assertThat(RnivStateMachine.afterInsiMatch(vali, TCHITCHI_INS, TraitComparison.compare(TCHITCHI, TCHITCHI_TIQ)).status())
                .isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void ESMS_direct_EHPAD_admission_livret_de_famille_with_photo_vitale_counts_as_high_trust() {
        PersonIdentity recup = new PersonIdentity("1", TCHITCHI, TCHITCHI_INS, IdentityStatus.RECUP, Set.of());
        assertThat(RnivStateMachine.afterDocumentCheck(recup, HighTrustDocument.LECV).status()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void EXI_SI_09_douteuse_identity_is_never_sent_to_INSi() {
        PersonIdentity doubtful = new PersonIdentity("1", TCHITCHI, null, IdentityStatus.PROV, Set.of(IdentityAttribute.DOUT));
        assertThatThrownBy(() -> RnivStateMachine.requireInsiAllowed(doubtful))
                .isInstanceOfSatisfying(IdentityRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.RNIV_DOUBTFUL_OR_FICTITIOUS));
    }

    @Test
    void EXI_SI_09_fictive_identity_stays_PROV_after_a_document_check() {
        PersonIdentity fictive = new PersonIdentity("1", TCHITCHI, null, IdentityStatus.PROV, Set.of(IdentityAttribute.FICT));
        assertThatThrownBy(() -> RnivStateMachine.afterDocumentCheck(fictive, HighTrustDocument.CN))
                .isInstanceOf(IdentityRefusedException.class);
    }

    @Test
    void flagging_douteuse_brings_a_qualified_identity_back_to_PROV_and_drops_its_INS() {
        PersonIdentity qual = new PersonIdentity("1", TCHITCHI, TCHITCHI_INS, IdentityStatus.QUAL, Set.of());
        PersonIdentity flagged = RnivStateMachine.flag(qual, IdentityAttribute.DOUT);
        assertThat(flagged.status()).isEqualTo(IdentityStatus.PROV);
        assertThat(flagged.ins()).isNull();
    }

    @Test
    void INSi_answer_with_different_traits_is_not_stored() {
        InsiTraits other = new InsiTraits("TCHITCHI", "CATARINA BELLA", null, "F", "1936-06-22", "63220");
        assertThatThrownBy(() -> RnivStateMachine.afterInsiMatch(PersonIdentity.provisional("1", TCHITCHI), TCHITCHI_INS,
                TraitComparison.compare(TCHITCHI, other)))
                .isInstanceOfSatisfying(DuiConnectException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(InsErrorCode.RNIV_TRAITS_MISMATCH);
                    assertThat(e.getMessage()).contains("dateNaissance");
                });
    }

    @Test
    void another_matricule_for_a_qualified_identity_needs_human_review() {
        PersonIdentity qual = new PersonIdentity("1", TCHITCHI, TCHITCHI_INS, IdentityStatus.QUAL, Set.of());
        Ins other = Ins.of("2770763220829", "10", InsKind.NIR);
        assertThatThrownBy(() -> RnivStateMachine.afterInsiMatch(qual, other, TraitComparison.compare(TCHITCHI, TCHITCHI_TIQ)))
                .isInstanceOfSatisfying(DuiConnectException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.RNIV_TRANSITION_FORBIDDEN));
    }

    @Test
    void repeating_an_INSi_match_on_RECUP_keeps_RECUP() {
        assertThat(RnivStateMachine.next(IdentityStatus.RECUP, Set.of(), RnivEvent.INSI_MATCH)).isEqualTo(IdentityStatus.RECUP);
    }
}
