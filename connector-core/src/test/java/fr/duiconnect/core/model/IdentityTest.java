package fr.duiconnect.core.model;

import fr.duiconnect.core.error.IdentityRefusedException;
import fr.duiconnect.core.error.InvalidInputException;
import fr.duiconnect.core.identity.IdentityGuard;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RNIV invariants of an identity and the one INS guard (shared/specs/ins.md §3). */
class IdentityTest {

    private static final IdentityTraits TRAITS = new IdentityTraits("DE VINCI", List.of("LEONARDO"), null, null,
            Sex.M, LocalDate.of(2014, 2, 1), "63220");
    private static final Ins INS = Ins.parse("279035121518989", InsKind.NIR_TEST);

    @Test
    void aQualifiedIdentityMayCarryItsIns() {
        PersonIdentity identity = new PersonIdentity("IPP-1", TRAITS, INS, IdentityStatus.QUAL, Set.of());
        assertThat(IdentityGuard.requireQualified(identity, "DMP deposit")).isEqualTo(INS);
    }

    @Test
    void aRecoveredIdentityIsRefusedWithInsIdentityNotQualified() {
        PersonIdentity identity = new PersonIdentity("IPP-1", TRAITS, INS, IdentityStatus.RECUP, Set.of());
        assertThatThrownBy(() -> IdentityGuard.requireQualified(identity, "DMP deposit"))
                .isInstanceOf(IdentityRefusedException.class)
                .hasMessageContaining("INS-IDENTITY-NOT-QUALIFIED")
                .hasMessageContaining("DMP deposit");
    }

    @Test
    void aProvisionalIdentityIsRefused() {
        assertThatThrownBy(() -> IdentityGuard.requireQualified(PersonIdentity.provisional("IPP-2", TRAITS), "MSSanté to a patient"))
                .hasMessageContaining("INS-IDENTITY-NOT-QUALIFIED");
    }

    @Test
    void aDoubtfulIdentityMustStayProvisional_EXI_SI_09() {
        assertThatThrownBy(() -> new PersonIdentity("IPP-3", TRAITS, INS, IdentityStatus.QUAL, Set.of(IdentityAttribute.DOUT)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("INS-IDENTITY-DOUT-FICT");
    }

    @Test
    void doubtfulAndFictitiousCannotBeCombined() {
        assertThatThrownBy(() -> new PersonIdentity("IPP-4", TRAITS, null, IdentityStatus.PROV,
                Set.of(IdentityAttribute.DOUT, IdentityAttribute.FICT)))
                .hasMessageContaining("INS-IDENTITY-DOUT-FICT");
    }

    @Test
    void aFictitiousIdentityIsRefusedByTheGuard() {
        PersonIdentity identity = new PersonIdentity("IPP-5", TRAITS, null, IdentityStatus.PROV, Set.of(IdentityAttribute.FICT));
        assertThatThrownBy(() -> IdentityGuard.requireQualified(identity, "e-parcours note"))
                .isInstanceOf(IdentityRefusedException.class)
                .hasMessageContaining("INS-IDENTITY-DOUT-FICT");
    }

    @Test
    void anIdentityRetrievedThroughInsiNeedsItsIns() {
        assertThatThrownBy(() -> new PersonIdentity("IPP-6", TRAITS, null, IdentityStatus.RECUP, Set.of()))
                .hasMessageContaining("ins");
    }

    @Test
    void aHomonymIsCompatibleWithEveryStatus() {
        PersonIdentity identity = new PersonIdentity("IPP-7", TRAITS, INS, IdentityStatus.QUAL, Set.of(IdentityAttribute.HOMA));
        assertThat(identity.isQualified()).isTrue();
    }

    @Test
    void theBirthPlaceIsAFiveCharacterCogCode() {
        assertThatThrownBy(() -> new IdentityTraits("X", List.of("Y"), null, null, Sex.F, LocalDate.of(2000, 1, 1), "6322"))
                .hasMessageContaining("birthPlaceCog");
        assertThat(new IdentityTraits("X", List.of("Y"), null, null, Sex.F, LocalDate.of(2000, 1, 1), "2A004").birthPlaceCog())
                .isEqualTo("2A004");
    }

    @Test
    void theStatusCrossesInsiRetrievalAndDocumentCheck() {
        assertThat(IdentityStatus.of(false, false)).isEqualTo(IdentityStatus.PROV);
        assertThat(IdentityStatus.of(true, false)).isEqualTo(IdentityStatus.RECUP);
        assertThat(IdentityStatus.of(false, true)).isEqualTo(IdentityStatus.VALI);
        assertThat(IdentityStatus.of(true, true)).isEqualTo(IdentityStatus.QUAL);
    }
}
