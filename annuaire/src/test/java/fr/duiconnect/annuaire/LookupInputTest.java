package fr.duiconnect.annuaire;

import fr.duiconnect.core.config.EndpointConfig;
import fr.duiconnect.core.config.Secret;
import fr.duiconnect.core.directory.DirectorySearch;
import fr.duiconnect.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identifiers the directory cannot know are refused with the field named, before any call is made. */
class LookupInputTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final DefaultDirectoryClient client = new DefaultDirectoryClient(url -> {
        calls.incrementAndGet();
        throw new AssertionError("no call expected, got " + url);
    }, null, Clock.systemUTC(), new AnnuaireSettings(EndpointConfig.of(URI.create("https://127.0.0.1/fhir")), List.of(),
            Secret.of("k"), Duration.ofHours(1), 10, 1));

    @ParameterizedTest(name = "RPPS {0}")
    @ValueSource(strings = {"1000000000", "100000000099", "10000000008", "1000000000A", " "})
    void anRppsOfWrongLengthOrKeyIsRefusedNamingTheField(String rpps) {
        assertThatThrownBy(() -> client.practitioner(rpps)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rpps");
        assertThatThrownBy(() -> client.mailboxesOf(rpps)).isInstanceOf(InvalidInputException.class);
        assertThat(calls).hasValue(0);
    }

    @ParameterizedTest(name = "FINESS {0}")
    @ValueSource(strings = {"75000001", "7500000100", "2C0000001", "75A000001"})
    void aFinessOfWrongFormatIsRefusedNamingTheField(String finess) {
        assertThatThrownBy(() -> client.structure(finess)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("finess").hasMessageContaining("ANNUAIRE-FINESS-FORMAT");
        assertThat(calls).hasValue(0);
    }

    @ParameterizedTest(name = "FINESS {0}")
    @ValueSource(strings = {"750000011", "690000019", "130000012"})
    void aFinessWithAWrongControlKeyIsRefusedNamingTheField(String finess) {
        assertThatThrownBy(() -> client.structure(finess)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("finess").hasMessageContaining("ANNUAIRE-FINESS-KEY");
        assertThat(calls).hasValue(0);
    }

    @Test
    void aSearchNeedsANameOfTwoCharactersAtLeast() {
        assertThatThrownBy(() -> DirectorySearch.byName("D")).isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> DirectorySearch.byName(null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
    }
}
