package dev.devstack.supervisor.run;

import dev.devstack.detect.ProcStat;

/**
 * A process of a service other than the one devstack launched: something it started, found by
 * ancestry or, once it has left the process tree, by the {@code DEVSTACK_RUN} variable it
 * inherited. Pid and start time together name it; the group and session tell whether the
 * service's group signal reaches it.
 */
record ServiceProcess(long pid, long startTicks, long group, long session) {

    static ServiceProcess of(ProcStat stat) {
        return new ServiceProcess(stat.pid(), stat.startTicks(), stat.group(), stat.session());
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
