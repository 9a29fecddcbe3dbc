package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.config.RestartPolicy;
import dev.devstack.supervisor.config.RestartPolicy.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestartsTest {

    private static final Duration SHORT = Duration.ofSeconds(1);

    private static RestartPolicy policy(Mode mode, long backoffMillis, Integer max) {
        return new RestartPolicy(mode, Duration.ofMillis(backoffMillis),
                max == null ? OptionalInt.empty() : OptionalInt.of(max));
    }

    @Test
    void theDelayDoublesFromHalfASecondAndStopsAtThirtySeconds() {
        RestartPolicy policy = policy(Mode.ON_FAILURE, 500, null);
        List<Duration> delays = new ArrayList<>();
        int streak = 0;
        for (int i = 0; i < 9; i++) {
            Restarts.Restart restart = (Restarts.Restart) Restarts.decide(policy, 1, SHORT, streak);
            delays.add(restart.delay());
            streak = restart.streak();
        }

        assertThat(delays).extracting(Duration::toMillis)
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }

    @Test
    void aMinuteOfGoodUptimeEndsTheStreak() {
        RestartPolicy policy = policy(Mode.ON_FAILURE, 500, 3);

        assertThat(Restarts.decide(policy, 1, Duration.ofSeconds(59), 3)).isEqualTo(new Restarts.GiveUp(3));
        assertThat(Restarts.decide(policy, 1, Duration.ofSeconds(60), 3))
                .isEqualTo(new Restarts.Restart(Duration.ofMillis(500), 1));
    }

    @Test
    void aZeroBackoffRestartsAtOnceEveryTime() {
        assertThat(Restarts.decide(policy(Mode.ALWAYS, 0, null), 1, SHORT, 7))
                .isEqualTo(new Restarts.Restart(Duration.ZERO, 8));
    }

    @Test
    void afterMaxRestartsInARowTheServiceIsGivenUpOn() {
        RestartPolicy policy = policy(Mode.ON_FAILURE, 500, 2);

        assertThat(Restarts.decide(policy, 1, SHORT, 0)).isInstanceOf(Restarts.Restart.class);
        assertThat(Restarts.decide(policy, 1, SHORT, 1)).isInstanceOf(Restarts.Restart.class);
        assertThat(Restarts.decide(policy, 1, SHORT, 2)).isEqualTo(new Restarts.GiveUp(2));
        assertThat(Restarts.decide(policy(Mode.ON_FAILURE, 500, 0), 1, SHORT, 0)).isEqualTo(new Restarts.GiveUp(0));
    }

    @ParameterizedTest
    @CsvSource({"NO, 1, false", "NO, 0, false", "ON_FAILURE, 1, true", "ON_FAILURE, 15, true", "ON_FAILURE, 0, false",
            "ALWAYS, 0, true", "ALWAYS, 3, true"})
    void eachPolicyRestartsAfterTheExitsItNames(Mode mode, int exitCode, boolean restarts) {
        assertThat(Restarts.decide(policy(mode, 500, null), exitCode, SHORT, 0) instanceof Restarts.Restart)
                .isEqualTo(restarts);
    }
}
