package dev.devstack.app;

import dev.devstack.detect.ProcStat;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.detect.ProcessTable;
import dev.devstack.store.ProcessRecord;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.run.ProcessGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends what a devstack that died without stopping its stack left running: the services it
 * recorded in the registry, grandchildren included, and the processes they started that left
 * their group (daemons), which it recorded too. A process is only ever touched when it is
 * provably the one recorded: the leader by its pid and start time; when the leader is gone,
 * the members of its session that started after it, and only while its pid is not in use.
 */
final class Leftovers {

    /** How long the leftovers get to end after SIGTERM before SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 20;

    private final ProjectLeases leases;
    private final ProcessTable processes;

    Leftovers(ProjectLeases leases, ProcessTable processes) {
        this.leases = leases;
        this.processes = processes;
    }

    /** One service's recorded process and what of it is still running. */
    record Survivor(ProcessRecord record, List<ProcessInfo> processes) {
        String describe() {
            int others = processes.size() - 1;
            return record.service() + " (pid " + processes.get(0).pid() + (others > 0 ? " and " + others + " more" : "")
                    + ")";
        }
    }

    /** What survived its supervisor, without touching anything. */
    List<Survivor> find() {
        List<Survivor> survivors = new ArrayList<>();
        for (ProcessRecord record : leases.processes()) {
            if (processes.isAlive(record.supervisorPid(), record.supervisorStart())) {
                continue;
            }
            List<ProcessInfo> alive = alive(record);
            if (!alive.isEmpty()) {
                survivors.add(new Survivor(record, alive));
            }
        }
        return survivors;
    }

    /**
     * Ends every survivor (SIGTERM, then SIGKILL after {@link #GRACE}), forgets the records of
     * dead supervisors, and says what it ended.
     */
    List<String> end(ProcessGroups groups) {
        List<ProcessRecord> stale = leases.processes().stream()
                .filter(r -> !processes.isAlive(r.supervisorPid(), r.supervisorStart())).toList();
        List<Survivor> survivors = find();
        signal(groups, survivors, Signal.TERM);
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (survivors.stream().anyMatch(s -> !alive(s.record()).isEmpty()) && System.nanoTime() < deadline) {
            pause();
        }
        List<Survivor> stubborn = survivors.stream().map(s -> new Survivor(s.record(), alive(s.record())))
                .filter(s -> !s.processes().isEmpty()).toList();
        signal(groups, stubborn, Signal.KILL);
        leases.forget(stale);
        List<String> ended = new ArrayList<>();
        for (Survivor survivor : survivors) {
            boolean killed = stubborn.stream().anyMatch(s -> s.record().equals(survivor.record()));
            ended.add(survivor.describe() + (killed ? ", killed with SIGKILL" : ""));
        }
        return ended;
    }

    /** The recorded leader if it is still the same process, else what is left of its session. */
    private List<ProcessInfo> alive(ProcessRecord record) {
        if (processes.isAlive(record.pid(), record.pidStart())) {
            List<ProcessInfo> all = new ArrayList<>(processes.find(record.pid()).stream().toList());
            processes.sessionMembers(record.pid()).stream().filter(p -> p.pid() != record.pid()).forEach(all::add);
            return all;
        }
        if (processes.find(record.pid()).isPresent()) {
            return List.of(); // the pid belongs to another process now: its session number proves nothing
        }
        return processes.sessionMembers(record.pid()).stream()
                .filter(p -> p.startMillis() >= record.pidStart()).toList();
    }

    private void signal(ProcessGroups groups, List<Survivor> survivors, Signal signal) {
        for (Survivor survivor : survivors) {
            long pid = survivor.record().pid();
            if (processes.isAlive(pid, survivor.record().pidStart())) {
                // a service leads its group; a process that left it (a daemon) may not lead one
                if (ProcStat.of(pid).filter(stat -> stat.group() == pid).isPresent()) {
                    groups.signal(pid, signal);
                } else {
                    groups.signalProcess(pid, signal);
                }
                // members of its session that moved to a group of their own
                for (ProcessInfo member : alive(survivor.record())) {
                    if (member.pid() != pid && ProcStat.of(member.pid()).filter(stat -> stat.group() != pid).isPresent()) {
                        groups.signalProcess(member.pid(), signal);
                    }
                }
            } else {
                for (ProcessInfo member : alive(survivor.record())) {
                    groups.signalProcess(member.pid(), signal);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
