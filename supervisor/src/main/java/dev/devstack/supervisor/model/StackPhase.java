package dev.devstack.supervisor.model;

import java.util.Locale;

/**
 * Where a running stack is as a whole: {@code STARTING} while a service it runs is still to start
 * or to pass its readiness check, {@code RUNNING} once every service is up (or has ended),
 * {@code STOPPING} once it was asked to stop.
 */
public enum StackPhase {
    STARTING,
    RUNNING,
    STOPPING;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StackPhase of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
