package dev.devstack.supervisor.run;

import dev.devstack.detect.ProcStat;

/**
 * A process of a service other than the one devstack launched: something it started, found by
 * ancestry or, once it has left the process tree, by the {@code DEVSTACK_RUN} variable it
 * inherited. Pid and start time together name it; the group and session tell whether the
 * service's group signal reaches it; its parent (when it was found) whether it is devstack's child.
 */
record ServiceProcess(long pid, long startTicks, long parent, long group, long session) {

    static ServiceProcess of(ProcStat stat) {
        return new ServiceProcess(stat.pid(), stat.startTicks(), stat.parent(), stat.group(), stat.session());
    }

    /** The same process: pid and start time; its parent, group and session may change while it runs. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ServiceProcess process && process.pid == pid && process.startTicks == startTicks;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(pid) * 31 + Long.hashCode(startTicks);
    }

    /** It still runs, and is the same process (its pid was not reused). */
    boolean isAlive() {
        return ProcStat.of(pid).filter(now -> now.startTicks() == startTicks && !now.zombie()).isPresent();
    }

    /** It leads a process group of its own: signalling that group reaches what it started, too. */
    boolean leadsGroup() {
        return group == pid;
    }
}
