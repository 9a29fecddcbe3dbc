package dev.devstack.supervisor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void isToTheSecondOrTheMinute() {
        assertThat(DurationText.of(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(DurationText.of(Duration.ofSeconds(130))).isEqualTo("2m10s");
        assertThat(DurationText.of(Duration.ofMinutes(65))).isEqualTo("1h05m");
        assertThat(DurationText.of(Duration.ofHours(51))).isEqualTo("2d03h");
        assertThat(DurationText.of(Duration.ofSeconds(-1))).isEqualTo("0s");
    }
}
