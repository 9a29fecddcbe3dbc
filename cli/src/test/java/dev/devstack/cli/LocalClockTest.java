package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LocalClockTest {

    @Test
    void itTellsTheSystemsTimeInTheLocalZone() {
        LocalClock clock = new LocalClock();

        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
        assertThat(Math.abs(clock.millis() - System.currentTimeMillis())).isLessThan(5_000);
        assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(clock.withZone(ZoneOffset.ofHours(3)).getZone()).isEqualTo(ZoneOffset.ofHours(3));
    }
}
