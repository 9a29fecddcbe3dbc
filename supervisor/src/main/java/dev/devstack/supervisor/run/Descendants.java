package dev.devstack.supervisor.run;

import dev.devstack.detect.ProcStat;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.ServiceState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's processes beyond its process group: the engine's side of the {@link ProcessTracker}.
 * A signal to a service reaches its group and every process it started that left the group (by
 * pid and start time, so never a process that merely took a pid over); such processes are written
 * to the process journal, so that a later devstack ends them if this one is killed; what is left
 * of a run that has ended is killed; and a daemon that a service's command left running when it
 * exited 0 is found, to become the service's process. Used on the engine thread only.
 */
final class Descendants {

    private final StackState stack;
    private final ProcessGroups groups;
    private final ProcessJournal journal;
    private final ProcessTracker tracker;

    Descendants(StackState stack, ProcessGroups groups, ProcessJournal journal, ProcessTracker tracker) {
        this.stack = stack;
        this.groups = groups;
        this.journal = journal;
        this.tracker = tracker;
    }

    /** What a service's command left running when it exited 0: the one that is the service now, or whether others run. */
    record Daemon(Optional<ServiceProcess> chosen, boolean othersRun) {
    }

    /** A process devstack has just launched (from the thread that learns its pid): never to be reaped by the tracker. */
    void launched(long pid) {
        tracker.launched(pid);
    }

    /** Tells the tracker what to follow of the service's current run (again after any change of it). */
    void watch(ServiceRuntime service) {
        if (service.life.adopted() || service.leader <= 1) {
            return;
        }
        tracker.watch(new ProcessTracker.Watch(service.name(), service.run, service.leaderEnded ? 0 : service.leader,
                service.leaderStart, service.pid, service.pidStart, Set.copyOf(service.ports),
                service.state() == ServiceState.STOPPING));
    }

    /** Its group (led by the launched process) and each of its processes outside that group. Safe on any thread. */
    void signal(ServiceRuntime service, Signal signal) {
        if (groupIsStillTheServices(service)) {
            groups.signal(service.leader, signal);
        }
        for (ServiceProcess process : service.tracked) {
            if (process.group() != service.leader) {
                signalOne(process, signal);
            }
        }
    }

    /** One process outside the service's group (with its own group, if it leads one), if it is still the same. */
    private void signalOne(ServiceProcess process, Signal signal) {
        if (!process.isAlive()) {
            return;
        }
        if (process.leadsGroup()) {
            groups.signal(process.pid(), signal);
        } else {
            groups.signalProcess(process.pid(), signal);
        }
    }

    /**
     * The group the launched process led is still there to be signalled: that process exists (a
     * zombie too: its pid cannot be reused then), or one of the service's processes is in the group
     * (a group's id is not reused while it has members). Otherwise the number could name someone else's group.
     */
    private static boolean groupIsStillTheServices(ServiceRuntime service) {
        long leader = service.leader;
        return leader > 1 && (ProcStat.of(leader).filter(p -> p.startTicks() == service.leaderStart).isPresent()
                || service.tracked.stream().anyMatch(p -> p.group() == leader && p.isAlive()));
    }

    /** The run has ended: what is left of it (its lifeline watcher, children left behind, daemons) is killed and forgotten. */
    void endRemaining(ServiceRuntime service) {
        signal(service, Signal.KILL);
        for (ServiceProcess process : service.tracked) {
            if (process.session() != service.leader) {
                journal.ended(service.name(), process.pid());
            }
        }
        if (service.leader > 1) {
            journal.ended(service.name(), service.leader);
        }
        service.tracked = Set.of();
        tracker.forget(service.name());
    }

    /** What a scan found: new processes are journaled (and, while stopping, signalled); leftovers of ended runs killed. */
    void apply(ProcessTracker.Scan scan) {
        for (ServiceProcess stray : scan.strays()) {
            if (stray.isAlive()) {
                groups.signalProcess(stray.pid(), Signal.KILL);
            }
        }
        scan.units().forEach((unit, result) -> {
            ServiceRuntime service = stack.services.get(unit);
            if (service == null || service.run != result.run()) {
                return;
            }
            Set<ServiceProcess> before = service.tracked;
            service.tracked = Set.copyOf(result.processes());
            for (ServiceProcess process : result.processes()) {
                if (!before.contains(process) && process.session() != service.leader) {
                    journal.started(unit, process.pid());
                }
            }
            for (ServiceProcess gone : before) {
                if (!result.processes().contains(gone) && gone.session() != service.leader) {
                    journal.ended(unit, gone.pid());
                }
            }
            Optional<Signal> sent = service.sentSignal();
            if (!service.state().isAlive()) {
                endRemaining(service);
            } else if (sent.isPresent()) {
                // only the new ones: a second SIGINT or SIGTERM is "force quit" to many servers
                result.processes().stream().filter(p -> !before.contains(p) && p.group() != service.leader)
                        .forEach(p -> signalOne(p, sent.get()));
            }
            if (scan.listenersSeen() && !service.listeners.equals(result.listeners())) {
                service.listeners = Map.copyOf(result.listeners());
                stack.processesChanged(service);
            }
        });
    }

    /**
     * After the service's process exited 0: the process it left running that is now the service,
     * if any. Only devstack's own children qualify (a daemon's parent has exited, so devstack, the
     * subreaper, is its parent): what they start is theirs, and their end can be awaited. Among
     * them, the one that the pidfile names, or that listens on the service's port, or is an
     * ancestor of that process; a helper it merely left behind (a build daemon) is none of these.
     */
    Daemon daemon(ServiceRuntime service) {
        ProcessTracker.Found found = tracker.scan().units().get(service.name());
        if (found == null || found.run() != service.run) {
            return new Daemon(Optional.empty(), false);
        }
        service.tracked = Set.copyOf(found.processes());
        service.listeners = Map.copyOf(found.listeners());
        long self = ProcessHandle.current().pid();
        Map<Long, ServiceProcess> children = new HashMap<>();
        for (ServiceProcess process : found.processes()) {
            if (process.pid() != service.pid && process.parent() == self && !ShellCommand.isLifeline(process.pid())) {
                children.put(process.pid(), process);
            }
        }
        Optional<Long> named = service.plan.spec().pidfile().flatMap(Pidfile::read);
        Optional<Long> listening = service.readinessPort().map(found.listeners()::get);
        Optional<ServiceProcess> chosen = Optional.empty();
        for (Optional<Long> wanted : List.of(named, listening)) {
            chosen = chosen.or(() -> wanted.flatMap(pid -> childOnTheWayTo(pid, self)).map(children::get));
        }
        chosen.ifPresent(daemon -> tracker.awaiting(daemon.pid()));
        return new Daemon(chosen, !children.isEmpty());
    }

    /** The child of {@code self} that {@code pid} is or descends from. */
    private static Optional<Long> childOnTheWayTo(long pid, long self) {
        Optional<ProcStat> process = ProcStat.of(pid);
        for (int depth = 0; depth < 64 && process.isPresent(); depth++) {
            if (process.get().parent() == self) {
                return Optional.of(process.get().pid());
            }
            process = ProcStat.of(process.get().parent());
        }
        return Optional.empty();
    }
}
