package fr.duiconnect.harness.annuaire;

import fr.duiconnect.core.ServiceSocle;
import fr.duiconnect.core.error.DuiConnectException;
import fr.duiconnect.harness.faults.Fault;
import fr.duiconnect.harness.faults.FaultKind;
import fr.duiconnect.harness.faults.TypedFailure;
import fr.duiconnect.harness.junit.SandboxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A directory that fails answers with a typed error saying whether a retry may help; nothing is cached from it. */
class DirectoryFaultsTest {

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.of(ServiceSocle.ANNUAIRE);

    @AfterEach
    void clear() {
        SANDBOX.sandbox().faults(ServiceSocle.ANNUAIRE).clear();
    }

    private static DuiConnectException lookupUnder(Fault fault, String rpps) {
        return TypedFailure.under(SANDBOX.sandbox().faults(ServiceSocle.ANNUAIRE), fault,
                () -> SANDBOX.connector().directory().practitioner(rpps));
    }

    @Test
    void http503IsATypedServerErrorWorthRetrying() {
        TypedFailure.assertTyped(lookupUnder(Fault.times(FaultKind.HTTP_503, 1), "10000000009"), "ANNUAIRE-SERVER-ERROR", true);
    }

    @Test
    void aConnectionCutIsUnreachableAndWorthRetrying() {
        TypedFailure.assertTyped(lookupUnder(Fault.times(FaultKind.CONNECTION_RESET, 1), "20000000008"), "ANNUAIRE-UNREACHABLE", true);
    }
}
