package dev.amlsh.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.model.AmlshException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link AmlshHome} and {@link Clocks}: what the environment decides. */
class EnvironmentSettingsTest {

    @Test
    void amlshHomeWinsThenXdgThenTheXdgDefault() {
        assertThat(AmlshHome.resolve(Map.of("AMLSH_HOME", "/srv/amlsh", "XDG_DATA_HOME", "/x", "HOME", "/home/u")))
                .isEqualTo(Path.of("/srv/amlsh"));
        assertThat(AmlshHome.resolve(Map.of("AMLSH_HOME", "", "XDG_DATA_HOME", "/x/data", "HOME", "/home/u")))
                .isEqualTo(Path.of("/x/data/amlsh"));
        assertThat(AmlshHome.resolve(Map.of("XDG_DATA_HOME", "relative/ignored", "HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.local/share/amlsh"));
        assertThat(AmlshHome.resolve(Map.of("HOME", "/home/u"))).isEqualTo(Path.of("/home/u/.local/share/amlsh"));
    }

    @Test
    void sourceDateEpochFixesTheClock() {
        Clock fixed = Clocks.fromEnvironment(Map.of("SOURCE_DATE_EPOCH", "1700000000"));
        assertThat(fixed.instant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(fixed.instant()).isEqualTo(fixed.instant());
        Clock system = Clocks.fromEnvironment(Map.of());
        assertThat(system.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(system.instant().getNano() % 1_000_000)
                .as("whole milliseconds")
                .isZero();
        assertThatThrownBy(() -> Clocks.fromEnvironment(Map.of("SOURCE_DATE_EPOCH", "yesterday")))
                .isInstanceOf(AmlshException.class)
                .hasMessageContaining("SOURCE_DATE_EPOCH must be a number");
    }
}
