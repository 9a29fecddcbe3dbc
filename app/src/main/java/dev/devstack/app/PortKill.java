package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.IoReason;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RegistryEvent;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.model.DurationText;
import dev.devstack.supervisor.run.ProcessGroups;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * `devstack kill PORT`: finds what listens on exactly that port, decides what may be done to each
 * holder ({@link KillTarget}), and, once the user has agreed, ends them: the process group gets
 * the signal, then SIGKILL for whatever is left after the grace period. A service of a running
 * devstack is stopped through that devstack, so that it is not restarted behind the user's back.
 */
public final class PortKill {

    private static final Duration AFTER_SIGKILL = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 20;

    private final Machine machine;
    private final ProjectContext context;
    private final int port;
    private final List<KillTarget> targets;
    private final boolean logged;

    private PortKill(Machine machine, ProjectContext context, int port, List<KillTarget> targets, boolean logged) {
        this.machine = machine;
        this.context = context;
        this.port = port;
        this.targets = List.copyOf(targets);
        this.logged = logged;
    }

    public static PortKill plan(ProjectContext context, int port, Consumer<String> warnings) {
        Machine machine = new Machine(context, warnings);
        return plan(machine, context, port, machine.leases.contents().processes(), true);
    }

    /**
     * @param services the service processes of running stacks (from the registry), to be stopped
     *                 through their devstack; called inside a registry operation, pass none
     * @param logged   whether {@link #execute} writes what it did to the registry's audit log; not
     *                 inside a registry operation, whose caller logs it
     */
    static PortKill plan(Machine machine, ProjectContext context, int port, List<ProcessRecord> services,
                         boolean logged) {

        ProcessInfo self = machine.processes.self();
        long ownGroup = machine.processes.processGroup(self.pid()).orElse(-1);
        List<KillTarget> targets = new ArrayList<>();
        for (PortOccupant holder : Who.holders(machine, port)) {
            targets.add(target(machine, holder, services, self, ownGroup));
        }
        return new PortKill(machine, context, port, targets, logged);
    }

    private static KillTarget target(Machine machine, PortOccupant holder, List<ProcessRecord> services,
                                     ProcessInfo self, long ownGroup) {
        if (holder.process().isEmpty()) {
            return refused(holder, holder.foreign()
                    ? "it belongs to another user (" + holder.user() + "); devstack ends only your own processes"
                    : "devstack cannot see it (in another container or PID namespace?)");
        }
        ProcessInfo process = holder.process().get().info();
        if (!process.user().equals(self.user())) {
            return refused(holder, "it belongs to " + process.user() + "; devstack ends only your own processes");
        }
        long group = machine.processes.processGroup(process.pid()).orElse(0);
        if (group <= 1 || group == ownGroup) {
            return new KillTarget(holder, Optional.empty(), Optional.empty(), 0, List.of(process));
        }
        Optional<ProcessRecord> service = services.stream()
                .filter(r -> r.pid() == group && machine.processes.isAlive(r.supervisorPid(), r.supervisorStart()))
                .findFirst();
        List<ProcessInfo> members = new ArrayList<>(machine.processes.groupMembers(group));
        if (members.stream().noneMatch(p -> p.pid() == process.pid())) {
            members.add(process);
        }
        return new KillTarget(holder, Optional.empty(), service, group, members);
    }

    private static KillTarget refused(PortOccupant holder, String why) {
        return new KillTarget(holder, Optional.of(why), Optional.empty(), 0, List.of());
    }

    public int port() {
        return port;
    }

    /** Every process listening on the port; empty when nothing does. */
    public List<KillTarget> targets() {
        return targets;
    }

    /** True when at least one holder may be ended. */
    public boolean anythingToKill() {
        return targets.stream().anyMatch(t -> t.refusal().isEmpty());
    }

    /**
     * Ends every holder that may be ended: {@code signal} (or a request to its devstack), up to
     * {@code grace} for it to end, then SIGKILL to what is left.
     */
    public List<KillOutcome> execute(Signal signal, Duration grace) {
        ProcessGroups groups = new ProcessGroups();
        List<KillOutcome> outcomes = new ArrayList<>();
        for (KillTarget target : targets) {
            if (target.refusal().isPresent()) {
                outcomes.add(new KillOutcome(target, List.of(), List.of(), List.of()));
                continue;
            }
            List<String> actions = new ArrayList<>();
            if (!askItsDevstack(target, actions)) {
                send(groups, target, signal, actions);
            }
            List<ProcessInfo> left = awaitEnd(target.processes(), grace);
            if (!left.isEmpty() && signal != Signal.KILL) {
                send(groups, target, Signal.KILL, actions);
                actions.set(actions.size() - 1, actions.get(actions.size() - 1) + ", " + left.size()
                        + " still running after " + (grace.toMillis() < 1000 ? grace.toMillis() + "ms"
                        : DurationText.of(grace)));
                left = awaitEnd(left, AFTER_SIGKILL);
            }
            List<ProcessInfo> survivors = left;
            List<ProcessInfo> ended = target.processes().stream().filter(p -> !survivors.contains(p)).toList();
            outcomes.add(new KillOutcome(target, actions, ended, survivors));
        }
        if (logged) {
            log(outcomes);
        }
        return outcomes;
    }

    private void log(List<KillOutcome> outcomes) {
        Instant now = context.clock().instant();
        List<RegistryEvent> events = new ArrayList<>();
        for (KillOutcome outcome : outcomes) {
            KillTarget target = outcome.target();
            if (target.refusal().isPresent()) {
                continue;
            }
            String owner = target.service().map(r -> r.service() + " of " + r.project()).orElse("");
            long pid = target.holder().process().map(p -> p.info().pid()).orElse(0L);
            String result = outcome.survivors().isEmpty() ? "ended " + outcome.ended().size() + " process(es)"
                    : outcome.survivors().size() + " still running";
            events.add(new RegistryEvent(now, RegistryEvent.Kind.KILL, port, owner, pid, target.holder().user(),
                    "devstack kill: " + String.join("; ", outcome.actions()) + "; " + result));
        }
        if (!events.isEmpty()) {
            machine.leases.record(events);
        }
    }

    private boolean askItsDevstack(KillTarget target, List<String> actions) {
        if (target.service().isEmpty()) {
            return false;
        }
        ProcessRecord record = target.service().get();
        try {
            ControlClient.stopService(ControlClient.socket(context.home(), record.project(), record.instance()),
                    record.service(), "`devstack kill " + port + "`");
            actions.add("asked devstack (pid " + record.supervisorPid() + ") to stop service " + record.service()
                    + "; it will not restart it");
            return true;
        } catch (IOException e) {
            actions.add("devstack (pid " + record.supervisorPid() + ") did not answer (" + IoReason.of(e)
                    + "); signalling its service directly, and it may restart it");
            return false;
        }
    }

    private static void send(ProcessGroups groups, KillTarget target, Signal signal, List<String> actions) {
        if (target.group() > 1) {
            groups.signal(target.group(), signal);
            actions.add(signal + " to process group " + target.group());
        } else {
            long pid = target.processes().get(0).pid();
            groups.signalProcess(pid, signal);
            actions.add(signal + " to pid " + pid);
        }
    }

    /** The processes still alive when all have ended or {@code limit} has passed. */
    private List<ProcessInfo> awaitEnd(List<ProcessInfo> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<ProcessInfo> alive = processes.stream()
                    .filter(p -> machine.processes.isAlive(p.pid(), p.startMillis())).toList();
            if (alive.isEmpty() || System.nanoTime() > deadline) {
                return alive;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return alive;
            }
        }
    }
}
