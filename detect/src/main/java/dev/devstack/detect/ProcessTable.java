package dev.devstack.detect;

import java.util.Optional;

/** Looks up processes by pid. */
public interface ProcessTable {

    Optional<ProcessInfo> find(long pid);

    ProcessInfo self();

    /** True while the process that had {@code pid} when it started at {@code startMillis} still runs. */
    default boolean isAlive(long pid, long startMillis) {
        return find(pid).map(info -> info.startMillis() == startMillis).orElse(false);
    }
}
