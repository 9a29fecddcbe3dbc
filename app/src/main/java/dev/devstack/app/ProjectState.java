package dev.devstack.app;

import dev.devstack.supervisor.model.StackPhase;
import java.util.Locale;

/**
 * Where a project's stack is, as `devstack ports` tells it: an `up` runs it ({@code STARTING},
 * {@code RUNNING}, {@code STOPPING}), or none does ({@code STOPPED}), or none does but processes
 * of a devstack that died still run ({@code ORPHANED}).
 */
public enum ProjectState {
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    ORPHANED;

    static ProjectState of(StackPhase phase) {
        return switch (phase) {
            case STARTING -> STARTING;
            case RUNNING -> RUNNING;
            case STOPPING -> STOPPING;
        };
    }

    /** An `up` of the project is alive. */
    public boolean running() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
