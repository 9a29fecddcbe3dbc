package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import java.util.List;

/**
 * What `devstack kill` did to one {@link KillTarget}: the signals it sent (or "asked its devstack
 * to stop it"), the processes that ended and those still alive afterwards.
 */
public record KillOutcome(KillTarget target, List<String> actions, List<ProcessInfo> ended, List<ProcessInfo> survivors) {

    public KillOutcome {
        actions = List.copyOf(actions);
        ended = List.copyOf(ended);
        survivors = List.copyOf(survivors);
    }

    public boolean killed() {
        return !ended.isEmpty() && survivors.isEmpty();
    }
}
