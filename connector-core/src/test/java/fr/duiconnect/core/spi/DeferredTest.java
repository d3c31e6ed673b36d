package fr.duiconnect.core.spi;

import fr.duiconnect.core.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a module defers (a structure's key stores, TLS contexts) is built once, whoever asks first. */
class DeferredTest {

    @Test
    void nothing_is_built_until_asked_and_then_once_for_every_caller() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        Deferred<String> material = new Deferred<>("test", () -> {
            builds.incrementAndGet();
            await(building);
            return "material";
        });
        assertThat(builds).hasValue(0);
        assertThat(material.isBuilt()).isFalse();

        CompletableFuture<String> background = material.prepareInBackground();
        List<CompletableFuture<String>> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(CompletableFuture.supplyAsync(material::get));
        }
        building.countDown();
        assertThat(background.get(10, TimeUnit.SECONDS)).isEqualTo("material");
        for (CompletableFuture<String> user : users) {
            assertThat(user.get(10, TimeUnit.SECONDS)).isEqualTo("material");
        }
        assertThat(builds).hasValue(1);
        assertThat(material.isBuilt()).isTrue();
    }

    @Test
    void a_configuration_error_is_kept_and_named_by_the_readiness_signal_and_by_every_use() {
        AtomicInteger builds = new AtomicInteger();
        Deferred<String> material = new Deferred<>("test", () -> {
            builds.incrementAndGet();
            throw new ConfigurationException("/etc/dui/org-sign.p12", "the PKCS#12 store cannot be opened with its password");
        });
        assertThatThrownBy(() -> material.prepareInBackground().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("org-sign.p12");
        assertThatThrownBy(material::get).isInstanceOf(ConfigurationException.class).hasMessageContaining("password");
        assertThat(builds).hasValue(1);
        assertThat(material.isBuilt()).isFalse();
        List<String> closed = new ArrayList<>();
        material.ifBuilt(closed::add);
        assertThat(closed).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
