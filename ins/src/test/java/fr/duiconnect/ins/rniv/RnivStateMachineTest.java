package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RNIV transitions (spec §3.1–3.2). */
class RnivStateMachineTest {

    private static final IdentityTraits TRAITS = new IdentityTraits("ADRUN", List.of("ZOE"), null, null, Sex.F, LocalDate.of(1975, 12, 31), "63220");
    private static final Ins INS = Ins.parse("275126322074974", InsKind.NIR_TEST);

    @Test
    void insiRetrievalTakesProvisionalToRecovered() {
        PersonIdentity after = RnivStateMachine.afterInsiMatch(PersonIdentity.provisional("1", TRAITS), INS);
        assertThat(after.status()).isEqualTo(IdentityStatus.RECUP);
        assertThat(after.ins()).isEqualTo(INS);
    }

    @Test
    void aDocumentCheckTakesRecoveredToQualified() {
        PersonIdentity recovered = PersonIdentity.provisional("1", TRAITS).withStatus(IdentityStatus.RECUP, INS);
        assertThat(RnivStateMachine.afterDocumentCheck(recovered, HighTrustDocument.CN).status()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void aDocumentCheckThenInsiTakesProvisionalToValidatedThenQualified() {
        PersonIdentity validated = RnivStateMachine.afterDocumentCheck(PersonIdentity.provisional("1", TRAITS), HighTrustDocument.LECV);
        assertThat(validated.status()).isEqualTo(IdentityStatus.VALI);
        assertThat(RnivStateMachine.afterInsiMatch(validated, INS).status()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void flaggingDoubtfulInvalidatesTheInsAndMakesTheIdentityProvisional() {
        PersonIdentity qualified = new PersonIdentity("1", TRAITS, INS, IdentityStatus.QUAL, Set.of());
        PersonIdentity doubtful = RnivStateMachine.flag(qualified, IdentityAttribute.DOUT);
        assertThat(doubtful.status()).isEqualTo(IdentityStatus.PROV);
        assertThat(doubtful.ins()).isNull();
        assertThatThrownBy(() -> RnivStateMachine.requireInsiAllowed(doubtful))
                .isInstanceOf(IdentityRefusedException.class).hasMessageContaining("INS-RNIV-DOUT-FICT");
        assertThatThrownBy(() -> RnivStateMachine.afterDocumentCheck(doubtful, HighTrustDocument.PA)).hasMessageContaining("INS-RNIV-DOUT-FICT");
    }

    @Test
    void fictitiousReplacesDoubtful() {
        PersonIdentity fictitious = RnivStateMachine.flag(RnivStateMachine.flag(PersonIdentity.provisional("1", TRAITS), IdentityAttribute.DOUT),
                IdentityAttribute.FICT);
        assertThat(fictitious.attributes()).containsExactly(IdentityAttribute.FICT);
    }

    @Test
    void aHomonymKeepsTheStatus() {
        PersonIdentity qualified = new PersonIdentity("1", TRAITS, INS, IdentityStatus.QUAL, Set.of());
        assertThat(RnivStateMachine.flag(qualified, IdentityAttribute.HOMA).status()).isEqualTo(IdentityStatus.QUAL);
    }
}
