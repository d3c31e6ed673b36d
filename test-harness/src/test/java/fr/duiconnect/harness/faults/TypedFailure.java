package fr.duiconnect.harness.faults;

import fr.duiconnect.core.error.DuiConnectException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the fault tests check of a synchronous call made under a fault: the typed error, its code, whether it is retryable. */
public final class TypedFailure {

    private TypedFailure() {
    }

    /** Sets the fault, makes the call, and returns the typed error it must end with. */
    public static DuiConnectException under(FaultSwitch faults, Fault fault, ThrowingCallable call) {
        faults.set(fault);
        DuiConnectException error = catchThrowableOfType(DuiConnectException.class, call);
        assertThat(error).as("the call should have failed under " + fault).isNotNull();
        return error;
    }

    /** Checks the stable code and the retry advice of a typed error. */
    public static void assertTyped(DuiConnectException error, String code, boolean retryable) {
        assertThat(error.code()).as(error.getMessage()).isEqualTo(code);
        assertThat(error.retryable()).as(code + " retryable").isEqualTo(retryable);
    }
}
