package fr.duiconnect.ins.rniv;

import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.model.IdentityAttribute;
import fr.duiconnect.core.model.IdentityStatus;
import fr.duiconnect.core.model.IdentityTraits;
import fr.duiconnect.core.model.Ins;
import fr.duiconnect.core.model.InsKind;
import fr.duiconnect.core.model.PersonIdentity;
import fr.duiconnect.core.model.Sex;
import fr.duiconnect.ins.InsErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RnivStateMachineTest {

    static final IdentityTraits NESSI = new IdentityTraits("NESSI", List.of("NATHALIE"), null, null, Sex.F,
            LocalDate.of(1977, 7, 14), "63220");
    static final Ins INS = Ins.of("2770763220829", "10", InsKind.NIR);

    private static PersonIdentity identity(IdentityStatus status, Set<IdentityAttribute> attributes) {
        return new PersonIdentity("P1", NESSI, status.retrievedFromInsi() ? INS : null, status, attributes);
    }

    @Test
    void insiSuccessOnProvisionalGivesRecup() {
        PersonIdentity after = RnivStateMachine.afterInsiSuccess(identity(IdentityStatus.PROV, Set.of()), INS, TraitComparison.of(NESSI, NESSI));
        assertThat(after.status()).isEqualTo(IdentityStatus.RECUP);
        assertThat(after.ins()).isEqualTo(INS);
    }

    @Test
    void insiSuccessOnValidatedGivesQual() {
        assertThat(RnivStateMachine.afterInsiSuccess(identity(IdentityStatus.VALI, Set.of()), INS, TraitComparison.of(NESSI, NESSI)).status())
                .isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void documentCheckOnProvisionalGivesVali() {
        assertThat(RnivStateMachine.afterDocumentCheck(identity(IdentityStatus.PROV, Set.of())).status()).isEqualTo(IdentityStatus.VALI);
    }

    @Test
    void documentCheckOnRecupGivesQual() {
        assertThat(RnivStateMachine.afterDocumentCheck(identity(IdentityStatus.RECUP, Set.of())).status()).isEqualTo(IdentityStatus.QUAL);
    }

    @Test
    void douteuseIsNeverSentToInsi() {
        assertThatThrownBy(() -> RnivStateMachine.requireInsiAllowed(identity(IdentityStatus.PROV, Set.of(IdentityAttribute.DOUT))))
                .isInstanceOfSatisfying(IdentityRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.DOUBTFUL_OR_FICTITIOUS));
    }

    @Test
    void fictiveIsNeverSentToInsi() {
        assertThatThrownBy(() -> RnivStateMachine.requireInsiAllowed(identity(IdentityStatus.PROV, Set.of(IdentityAttribute.FICT))))
                .isInstanceOf(IdentityRefusedException.class);
    }

    @Test
    void mismatchingTraitsKeepTheStatus() {
        IdentityTraits other = new IdentityTraits("NESSI", List.of("NATHALIE"), null, null, Sex.F, LocalDate.of(1977, 7, 15), "63220");
        assertThatThrownBy(() -> RnivStateMachine.afterInsiSuccess(identity(IdentityStatus.PROV, Set.of()), INS, TraitComparison.of(NESSI, other)))
                .isInstanceOfSatisfying(IdentityRefusedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(InsErrorCode.TRAITS_MISMATCH));
    }
}
