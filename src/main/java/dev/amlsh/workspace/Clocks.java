package dev.amlsh.workspace;

import dev.amlsh.model.AmlshException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The clock that stamps registrations. {@code SOURCE_DATE_EPOCH} (seconds since 1970, the
 * reproducible-builds convention) fixes it, so demos and tests print the same times every run.
 */
public final class Clocks {

    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    private Clocks() {}

    /**
     * A fixed clock at {@code SOURCE_DATE_EPOCH} when it is set (non-empty), else the system clock in
     * UTC ticking in whole milliseconds (stored times and JSON say {@code ...T16:00:09.457Z}, never nanoseconds).
     */
    public static Clock fromEnvironment(Map<String, String> env) {
        String value = env.get(SOURCE_DATE_EPOCH);
        if (value == null || value.isBlank()) {
            return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        }
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new AmlshException(SOURCE_DATE_EPOCH + " must be a number of seconds since 1970-01-01T00:00:00Z,"
                    + " not '" + value + "'");
        }
        if (seconds < 0) {
            throw new AmlshException(SOURCE_DATE_EPOCH + " cannot be negative ('" + value + "')");
        }
        return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }
}
