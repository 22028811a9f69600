package dev.amlsh.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import dev.amlsh.model.Environment;
import dev.amlsh.model.SdkRelease;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationRulesTest {

    private final Environment env = Environment.create("pytorch", SdkRelease.DEFAULT_BASE_IMAGE);

    private RegisteredVersion version(String v, long sequence, boolean archived) {
        return new RegisteredVersion(env.withVersion(v), sequence, Instant.EPOCH, archived, List.of());
    }

    @Test
    void aNewNameGetsOne() {
        assertThat(RegistrationRules.decide("pytorch", env, null, List.of()).version())
                .isEqualTo("1");
    }

    @Test
    void theSameDefinitionAsTheLatestKeepsItsVersion() {
        var decision = RegistrationRules.decide("pytorch", env, null, List.of(version("1", 1, false)));
        assertThat(decision.creates()).isFalse();
        assertThat(decision.version()).isEqualTo("1");
    }

    @Test
    void aChangedDefinitionGetsOneMoreThanTheLargestIntegerVersionArchivedIncluded() {
        var changed = env.withVariable("X", "1");
        var existing = List.of(version("7", 1, true), version("1.0-beta", 2, false), version("2", 3, false));
        assertThat(RegistrationRules.decide("pytorch", changed, null, existing).version())
                .isEqualTo("8");
    }

    @Test
    void latestIsTheMostRecentlyCreatedNotTheHighestNumber() {
        var existing = List.of(version("5", 1, false), version("2", 2, false), version("9", 3, true));
        assertThat(RegistrationRules.latest(existing))
                .map(RegisteredVersion::version)
                .contains("2");
    }

    @Test
    void anExplicitVersionWithOtherContentIsRefusedInTheServicesWords() {
        var existing = List.of(version("6", 1, false));
        assertThatThrownBy(() -> RegistrationRules.decide("test_env", env.withVariable("X", "1"), "6", existing))
                .isInstanceOf(AmlshException.class)
                .hasMessage("Environment test_env with version 6 is already registered and cannot be changed.");
        assertThat(RegistrationRules.decide("test_env", env, "6", existing).creates())
                .isFalse();
    }

    @Test
    void numberingNeverWrapsAround() {
        var existing = List.of(version(Long.toString(Long.MAX_VALUE), 1, false));
        assertThatThrownBy(() -> RegistrationRules.decide("pytorch", env.withVariable("X", "1"), null, existing))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("register with an explicit --version");
    }
}
