package dev.devstack.supervisor.config;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A readiness or health check: what is checked, and how often and for how long.
 * {@code target} is the HTTP path, the regular expression or the command, by kind (unused for tcp).
 * {@code interval} empty means "as soon as possible, then less often" (readiness only).
 */
public record CheckSpec(Kind kind, String target, StatusRange status, Optional<Duration> interval, Duration timeout,
                        OptionalInt retries, Location location) {

    public enum Kind { TCP, HTTP, LOG, EXEC }

    /** HTTP answers that count as passing, both ends included. */
    public record StatusRange(int first, int last) {
        public static final StatusRange SUCCESS_OR_REDIRECT = new StatusRange(200, 399);

        public boolean contains(int status) {
            return status >= first && status <= last;
        }

        @Override
        public String toString() {
            return first == last ? String.valueOf(first) : first + "-" + last;
        }
    }

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration HEALTH_INTERVAL = Duration.ofSeconds(10);
    public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    public static final int HEALTH_RETRIES = 3;

    /** The readiness check of a service that has a port and says nothing else. */
    public static CheckSpec tcp(Location location) {
        return new CheckSpec(Kind.TCP, "", StatusRange.SUCCESS_OR_REDIRECT, Optional.empty(), READY_TIMEOUT,
                OptionalInt.empty(), location);
    }
}
