package dev.devstack.detect;

import java.util.List;
import java.util.Map;
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

    /** The current user's live processes in process group {@code pgid}, whatever their session. */
    List<ProcessInfo> groupMembers(long pgid);

    /** The arguments a live process of this user was started with, argv[0] as given; empty when not readable. */
    List<String> arguments(long pid);

    /** The environment a live process of this user was started with; empty when not readable. */
    Map<String, String> environment(long pid);

    /** Name and working folder besides the basic facts, for a live process. */
    Optional<ProcessDetails> details(long pid);

    /** The process group of a live process. */
    OptionalLong processGroup(long pid);

    /** True while the process that had {@code pid} when it started at {@code startMillis} still runs. */
    default boolean isAlive(long pid, long startMillis) {
        return find(pid).map(info -> info.startMillis() == startMillis).orElse(false);
    }
}
