package dev.devstack.detect;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Looks up processes by pid. */
public interface ProcessTable {

    Optional<ProcessInfo> find(long pid);

    ProcessInfo self();

    /**
     * The current user's live processes that are in session {@code sid} and in the process group
     * of the same number: what is left of a service started with setsid, even after its leader ended.
     */
    List<ProcessInfo> sessionMembers(long sid);

    /** Name and working folder besides the basic facts, for a live process. */
    Optional<ProcessDetails> details(long pid);

    /** The process group of a live process. */
    OptionalLong processGroup(long pid);

    /** True while the process that had {@code pid} when it started at {@code startMillis} still runs. */
    default boolean isAlive(long pid, long startMillis) {
        return find(pid).map(info -> info.startMillis() == startMillis).orElse(false);
    }
}
