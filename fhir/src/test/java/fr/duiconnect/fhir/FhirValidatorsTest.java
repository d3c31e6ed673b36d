package fr.duiconnect.fhir;

import ca.uhn.fhir.context.FhirContext;
import fr.duiconnect.core.error.ConfigurationException;
import fr.duiconnect.core.error.ConformanceIssue;
import fr.duiconnect.core.error.ServiceNotReadyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FHIR modules of a JVM share one package set and one validator chain per packages folder, built in the
 * background; an operation waits for it (bounded) and gets a typed error if it is late or its build failed.
 */
class FhirValidatorsTest {

    static final Path FHIR = FhirPackageSetTest.FHIR;
    static final Path CDL = FHIR.resolve("cahier-de-liaison/package.tgz");
    static final Path CDS = FHIR.resolve("cercle-de-soins/package.tgz");
    static final Path EPRESCRIPTION = FHIR.resolve("eprescription/package.tgz");

    /** Runs the builds only when the test says so. */
    static final class HeldBack implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized void release() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void askersOfTheSameIgsShareOneValidatorAndEveryPackageIsReadOnceForAll() {
        HeldBack builds = new HeldBack();
        FhirValidators validators = new FhirValidators(builds);
        ProfileValidator module = validators.validator(List.of(CDL, CDS), null, ProfileValidator.CDL_ERRATA);
        ProfileValidator simulator = validators.validator(List.of(CDL, CDS), null, List.of());
        ProfileValidator eprescription = validators.validator(List.of(EPRESCRIPTION), null, ProfileValidator.VALIDATOR_LIMITS);
        validators.buildPending();
        builds.release();

        assertThat(module.sharesChainWith(simulator)).isTrue();
        assertThat(module.packages()).isSameAs(simulator.packages());
        assertThat(validators.packageSets()).hasSize(2);
        // FR Core 2.1.0, a dependency of both sets, is the same parsed package in each
        assertThat(frCore210(module.packages()).conformance()).isSameAs(frCore210(eprescription.packages()).conformance());
    }

    private static FhirPackageSet.FhirPackage frCore210(FhirPackageSet set) {
        return set.packages().stream().filter(p -> p.id().equals("hl7.fhir.fr.core#2.1.0")).findFirst().orElseThrow();
    }

    @Test
    void anOperationWaitsForTheBuildAndFailsWithCoreNotReadyWhenItIsLate() {
        HeldBack builds = new HeldBack();
        FhirValidators validators = new FhirValidators(builds);
        ProfileValidator validator = validators.validator(List.of(EPRESCRIPTION), null, ProfileValidator.VALIDATOR_LIMITS)
                .waitingAtMost(Duration.ofMillis(50));

        assertThatThrownBy(validator::packages).isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
            assertThat(e.code()).isEqualTo("CORE-NOT-READY");
            assertThat(e.retryable()).isTrue();
            assertThat(e.buildFailed()).isFalse();
        });
        assertThat(validator.ready()).isNotDone();

        builds.release();
        assertThat(validator.ready()).isCompleted();
        assertThat(validator.packages().provides("ans.fhir.fr.eprescription")).isTrue();
    }

    @Test
    void aValidationStartsTheBuildWhenNoConnectorDidIt() {
        ProfileValidator validator;
        try (FhirValidators validators = new FhirValidators()) {
            validator = validators.validator(List.of(EPRESCRIPTION), null, ProfileValidator.VALIDATOR_LIMITS);
            assertThat(validator.packages().provides("hl7.fhir.fr.core")).isTrue();
        }
    }

    @Test
    void aFailedBuildIsACoreNotReadyErrorNotRetryableWithTheCause(@TempDir Path dir) throws IOException {
        Path corrupt = Files.writeString(dir.resolve("package.tgz"), "not a gzip archive");
        HeldBack builds = new HeldBack();
        FhirValidators validators = new FhirValidators(builds);
        ProfileValidator validator = validators.validator(List.of(corrupt), dir, List.of());
        validators.buildPending();
        builds.release();

        assertThat(validator.ready()).isCompletedExceptionally();
        assertThatThrownBy(validator::packages).isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
            assertThat(e.code()).isEqualTo("CORE-NOT-READY");
            assertThat(e.buildFailed()).isTrue();
            assertThat(e.retryable()).isFalse();
            assertThat(e.getCause()).isInstanceOf(ConfigurationException.class).hasMessageContaining(corrupt.toString());
        });
    }

    @Test
    void aPackageThatDoesNotExistIsRefusedWhenTheModuleAsksNotAtTheFirstValidation(@TempDir Path dir) {
        FhirValidators validators = new FhirValidators(new HeldBack());
        assertThatThrownBy(() -> validators.validator(List.of(dir.resolve("absent.tgz")), dir, List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("absent.tgz");
    }
}
