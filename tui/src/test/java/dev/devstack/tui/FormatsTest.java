package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

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
}
