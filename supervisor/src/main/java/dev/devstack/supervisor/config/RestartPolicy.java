package dev.devstack.supervisor.config;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * When a service that ended on its own is started again: never, after a failure (a non-zero exit
 * or a signal from outside), or always. Restarts wait {@code backoff}, doubling with each restart
 * in a row; after {@code maxRestarts} of them the service counts as failed.
 */
public record RestartPolicy(Mode mode, Duration backoff, OptionalInt maxRestarts) {

    public enum Mode {
        NO, ON_FAILURE, ALWAYS;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
    public static final RestartPolicy NEVER = new RestartPolicy(Mode.NO, DEFAULT_BACKOFF, OptionalInt.empty());

    /** Whether an exit with this code, not caused by devstack, calls for a restart. */
    public boolean restartsAfter(int exitCode) {
        return mode == Mode.ALWAYS || (mode == Mode.ON_FAILURE && exitCode != 0);
    }
}
