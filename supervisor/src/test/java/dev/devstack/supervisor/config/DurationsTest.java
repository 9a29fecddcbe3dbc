package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "5s, 5000", "1.5s, 1500", "2m, 120000", "1h, 3600000", "7, 7000", "0.25, 250"})
    void durationsAreReadWithTheirUnit(String text, long millis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "5 seconds", "-1s", "1d", ""})
    void anythingElseIsNotADuration(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    void aNumberTooLargeForMillisecondsIsNotADurationAndNotReadTheSlowWay() {
        assertThat(Durations.parse("18446744073709551621ms")).as("2^64 + 5 ms, not 5 ms").isEmpty();
        long start = System.nanoTime();
        assertThat(Durations.parse("9".repeat(300_000))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(Durations.parse("999999999999h")).contains(Duration.ofHours(999_999_999_999L));
    }
}
