package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void cpuHasOneDecimalOnlyBelowTen() {
        assertThat(Formats.cpu(0.34)).isEqualTo("0.3%");
        assertThat(Formats.cpu(9.94)).isEqualTo("9.9%");
        assertThat(Formats.cpu(12.4)).isEqualTo("12%");
        assertThat(Formats.cpu(180.2)).isEqualTo("180%");
    }

    @Test
    void memoryIsInDecimalUnits() {
        assertThat(Formats.memory(24_300_000)).isEqualTo("24 MB");
        assertThat(Formats.memory(1_234_000_000)).isEqualTo("1.2 GB");
    }

    @Test
    void uptimeIsToTheSecondOrTheMinute() {
        assertThat(Formats.uptime(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(Formats.uptime(Duration.ofSeconds(130))).isEqualTo("2m10s");
        assertThat(Formats.uptime(Duration.ofMinutes(65))).isEqualTo("1h05m");
        assertThat(Formats.uptime(Duration.ofHours(51))).isEqualTo("2d03h");
        assertThat(Formats.uptime(Duration.ofSeconds(-1))).isEqualTo("0s");
    }
}
