package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.RestartPolicy;
import java.time.Duration;

/**
 * What happens after a service ended on its own (DESIGN §6). The delay doubles with each restart
 * in a row, from the policy's backoff up to {@link #CAP}; a run of at least {@link #GOOD_UPTIME}
 * ends the streak. After {@code max_restarts} restarts in a row the service is given up on.
 */
final class Restarts {

    static final Duration CAP = Duration.ofSeconds(30);
    static final Duration GOOD_UPTIME = Duration.ofSeconds(60);

    sealed interface Decision {
    }

    /** Start it again after {@code delay}; {@code streak} is the number of restarts in a row, this one included. */
    record Restart(Duration delay, int streak) implements Decision {
    }

    /** Leave it ended: its policy does not restart after this exit. */
    record Stay() implements Decision {
    }

    /** It failed {@code restarts} restarts in a row, the most its policy allows. */
    record GiveUp(int restarts) implements Decision {
    }

    private Restarts() {
    }

    /** @param streak restarts in a row before this exit */
    static Decision decide(RestartPolicy policy, int exitCode, Duration uptime, int streak) {
        if (!policy.restartsAfter(exitCode)) {
            return new Stay();
        }
        int before = uptime.compareTo(GOOD_UPTIME) >= 0 ? 0 : streak;
        if (policy.maxRestarts().isPresent() && before >= policy.maxRestarts().getAsInt()) {
            return new GiveUp(before);
        }
        return new Restart(delay(policy.backoff(), before), before + 1);
    }

    private static Duration delay(Duration base, int streak) {
        if (base.isZero()) {
            return Duration.ZERO;
        }
        Duration delay = base;
        for (int i = 0; i < streak && delay.compareTo(CAP) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }
}
