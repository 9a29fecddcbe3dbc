package dev.devstack.supervisor.model;

import java.time.Duration;

/** A duration as people read it at a glance: how long a service has run, a lease has left, a port is held. */
public final class DurationText {

    private DurationText() {
    }

    /** Short and readable, to the second or the minute: 3s, 2m10s, 1h05m, 2d03h. */
    public static String of(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + two(seconds % 60) + "s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h" + two(seconds % 3600 / 60) + "m";
        }
        return seconds / 86_400 + "d" + two(seconds % 86_400 / 3600) + "h";
    }

    private static String two(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
