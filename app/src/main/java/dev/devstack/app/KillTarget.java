package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.ProcessRecord;
import java.util.List;
import java.util.Optional;

/**
 * One process listening on the port `devstack kill` was given, and what will be done to it:
 * <ul>
 *   <li>{@code refusal}: nothing, and why (another user's process, or one devstack cannot see);
 *   <li>{@code service}: it is a service of a running devstack, which is asked to stop it, so that
 *       it does not restart it;
 *   <li>otherwise its process group {@code group} is signalled ({@code processes} are its members),
 *       or the process alone ({@code group} 0) when its group is devstack's own or init's.
 * </ul>
 */
public record KillTarget(PortOccupant holder, Optional<String> refusal, Optional<ProcessRecord> service, long group,
                         List<ProcessInfo> processes) {

    public KillTarget {
        processes = List.copyOf(processes);
    }

    /** "pid 1234 (python3 -m http.server 8000, user dev)". */
    public String describe() {
        return holder.process().map(p -> p.info().describe()).orElse("a process of " + holder.user());
    }

    /** What will be done, for the confirmation question and the report. */
    public String plan() {
        if (refusal.isPresent()) {
            return "left alone: " + refusal.get();
        }
        if (service.isPresent()) {
            ProcessRecord record = service.get();
            return "service " + record.service() + " of " + record.project() + ": its devstack (pid "
                    + record.supervisorPid() + ") stops it and will not restart it";
        }
        return group == 0 ? "the process alone (its process group is shared with devstack or init)"
                : "its process group " + group + " (" + processes.size() + " process" + (processes.size() == 1 ? "" : "es") + ")";
    }
}
