package dev.devstack.app;

import dev.devstack.detect.ProcessInfo;
import dev.devstack.detect.ProcessTable;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.LeaseRegistry;
import dev.devstack.store.PortOutsidePool;
import dev.devstack.store.RemoteLease;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryException;
import dev.devstack.store.RegistryTransaction;
import dev.devstack.store.RegistryView;
import dev.devstack.store.StickyPort;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.PortText;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.plan.PortPlan;
import dev.devstack.supervisor.plan.PortPlanner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** One project's dealings with the lease registry: claim its ports at once, give them back, read what it had. */
final class ProjectLeases {

    /** What a claim did besides choosing ports: the dead leases it swept on the way. */
    record StackClaim(PortPlan ports, List<Lease> swept) {
    }

    /** A recorded service process that has ended. */
    record Ended(String service, long pid) {
    }

    private final LeaseRegistry registry;
    private final ProcessTable processes;
    private final ProjectContext context;

    ProjectLeases(LeaseRegistry registry, ProcessTable processes, ProjectContext context) {
        this.registry = registry;
        this.processes = processes;
        this.context = context;
    }

    /** Not expired, and, if it is tied to a process, that process still runs. */
    Predicate<Lease> alive() {
        Instant now = context.clock().instant();
        return lease -> !lease.expiredAt(now)
                && (!lease.processBound() || processes.isAlive(lease.pid(), lease.pidStart()));
    }

    LeaseOwner owner(String service, String portName) {
        return new LeaseOwner(context.projectDir().toString(), context.instance(), service, portName);
    }

    /**
     * In one exclusive registry operation: sweep dead leases, refuse if this project already runs,
     * choose and hold the ports (the services' and the stack API's), record them as leases of
     * {@code self} and remember them.
     */
    StackClaim claim(StackConfig config, PortPlanner planner, ProcessInfo self, boolean adopt) {
        Instant now = context.clock().instant();
        return recordingConflicts(self, now, () -> registryCall(tx -> claim(tx, config, planner, self, now, adopt)));
    }

    /**
     * For a running stack that read its configuration again ({@code running}: its ports and its API's), in
     * one exclusive registry operation: keep the ports the configuration still allows, choose and
     * hold the others as `up` does (sticky first), record their leases, and give back the leases of
     * ports no unit has any more (removed units, moved ports).
     */
    PortPlan reclaim(StackConfig config, PortPlanner planner, ProcessInfo self, PortPlan running) {
        Instant now = context.clock().instant();
        return recordingConflicts(self, now, () -> registryCall(tx -> {
            Audit.sweep(tx, alive(), now);
            PortPlan plan = planner.replan(pooled(tx, config, self.user()), context.instance(), tx, alive(),
                    running.assignments(), running.api());
            Map<LeaseOwner, Lease> held = new HashMap<>();
            tx.leases().stream().filter(l -> ours(l) && l.pid() == self.pid()).forEach(l -> held.put(l.owner(), l));
            for (PortAssignment assignment : Stream.concat(plan.assignments().stream(), plan.api().stream()).toList()) {
                if (assignment.reason() instanceof AssignmentReason.Inherited) {
                    continue;
                }
                LeaseOwner owner = owner(assignment.service(), assignment.portName());
                Lease before = held.remove(owner);
                if (before != null && before.port() == assignment.port()) {
                    continue;
                }
                Lease lease = new Lease(owner, assignment.port(), self.pid(), self.startMillis(), self.user(), now);
                tx.putLease(lease);
                tx.remember(new StickyPort(owner, assignment.port(), now));
                tx.record(Audit.of(now, assignment.reason() instanceof AssignmentReason.Moved ? RegistryEvent.Kind.MOVE
                        : RegistryEvent.Kind.CLAIM, lease, assignment.reason().describe() + " (configuration read again)"));
            }
            for (Lease gone : held.values()) {
                tx.removeLease(gone.owner());
                tx.record(Audit.of(now, RegistryEvent.Kind.RELEASE, gone, "no longer in the configuration"));
            }
            return plan;
        }));
    }

    /** A port conflict is the reason a claim rolls back, so it is written in an operation of its own right after. */
    private <T> T recordingConflicts(ProcessInfo self, Instant now, Supplier<T> claim) {
        try {
            return claim.get();
        } catch (DevstackException e) {
            if (e.category() == ErrorCategory.PORT_CONFLICT) {
                registryCall(tx -> {
                    e.conflicts().forEach(conflict -> tx.record(new RegistryEvent(now, RegistryEvent.Kind.CONFLICT,
                            conflict.port().orElse(0), context.projectDir().toString(), self.pid(), self.user(),
                            PortText.conflict(conflict))));
                    return null;
                });
            }
            throw e;
        }
    }

    private StackClaim claim(RegistryTransaction tx, StackConfig config, PortPlanner planner, ProcessInfo self,
                        Instant now, boolean adopt) {
        List<Lease> swept = Audit.sweep(tx, alive(), now);
        for (Lease lease : tx.leases()) {
            if (ours(lease)) {
                throw AlreadyRunning.of(config.project(), context.projectDir(), OptionalLong.of(lease.pid()));
            }
        }
        PortPlan plan = planner.plan(pooled(tx, config, self.user()), context.instance(), tx, alive(), true, adopt);
        List<PortAssignment> leased = new ArrayList<>(plan.assignments());
        plan.api().ifPresent(leased::add);
        for (PortAssignment assignment : leased) {
            if (assignment.reason() instanceof AssignmentReason.Inherited) {
                continue;
            }
            LeaseOwner owner = owner(assignment.service(), assignment.portName());
            Lease lease = new Lease(owner, assignment.port(), self.pid(), self.startMillis(), self.user(), now);
            tx.putLease(lease);
            tx.remember(new StickyPort(owner, assignment.port(), now));
            if (assignment.reason() instanceof AssignmentReason.Reclaimed reclaimed) {
                tx.record(Audit.of(now, RegistryEvent.Kind.KILL, lease, "ended " + reclaimed.holder()
                        + ", an earlier run (" + reclaimed.evidence() + "): on_conflict: kill-own"));
            }
            tx.record(Audit.of(now, assignment.reason() instanceof AssignmentReason.Moved ? RegistryEvent.Kind.MOVE
                    : RegistryEvent.Kind.CLAIM, lease, assignment.reason().describe()));
        }
        return new StackClaim(plan, swept);
    }

    /** What `up` would choose now, without holding or recording anything. */
    PortPlan preview(StackConfig config, PortPlanner planner) {
        return registryRead(view -> planner.plan(pooled(view, config, processes.self().user()),
                context.instance(), view, alive(), false));
    }

    /**
     * The configuration inside the pool a team registry gives this user's project, if it gives one
     * (by the project folder's name, as the registry checks it).
     */
    private StackConfig pooled(RegistryView view, StackConfig config, String user) {
        Path folder = context.projectDir().getFileName();
        return view.pool(user, folder == null ? "" : folder.toString()).map(pool -> PooledConfig.of(config, pool))
                .orElse(config);
    }

    /**
     * Gives back the leases {@code self} holds for this project and forgets the processes it
     * recorded; the sticky memory stays.
     */
    void release(ProcessInfo self) {
        Instant now = context.clock().instant();
        registryCall(tx -> {
            for (Lease lease : tx.leases()) {
                if (ours(lease) && lease.pid() == self.pid()) {
                    tx.removeLease(lease.owner());
                    tx.record(Audit.of(now, RegistryEvent.Kind.RELEASE, lease, "the stack stopped"));
                }
            }
            for (ProcessRecord process : tx.processes()) {
                if (ours(process) && process.supervisorPid() == self.pid()) {
                    tx.forgetProcess(process.project(), process.instance(), process.service(), process.pid());
                }
            }
            return null;
        });
    }

    void recordProcesses(List<ProcessRecord> started, List<Ended> ended) {
        registryCall(tx -> {
            started.forEach(tx::recordProcess);
            ended.forEach(e -> tx.forgetProcess(context.projectDir().toString(), context.instance(), e.service(), e.pid()));
            return null;
        });
    }

    /** The service processes recorded for this project, by any devstack. */
    List<ProcessRecord> processes() {
        return registryRead(view -> view.processes().stream().filter(this::ours).toList());
    }

    void forget(List<ProcessRecord> records) {
        registryCall(tx -> {
            records.forEach(r -> tx.forgetProcess(r.project(), r.instance(), r.service(), r.pid()));
            return null;
        });
    }

    /** The registry's audit log, oldest first. */
    List<RegistryEvent> events() {
        return registryRead(RegistryView::events);
    }

    void record(List<RegistryEvent> events) {
        registryCall(tx -> {
            events.forEach(tx::record);
            return null;
        });
    }

    /** Every lease on {@code port}, live or not, of any project. */
    List<Lease> onPort(int port) {
        return registryRead(view -> view.leases().stream().filter(l -> l.port() == port).toList());
    }

    /** The leases a team registry holds on {@code port} of other hosts, those that expired left out (as `ports --all` does). */
    List<RemoteLease> remoteOnPort(int port) {
        Instant now = context.clock().instant();
        return registryRead(view -> view.remoteLeases().stream()
                .filter(r -> r.lease().port() == port && !r.lease().expiredAt(now)).toList());
    }

    /**
     * Every lease and every recorded service process on the machine, of any project, and the
     * leases a team registry holds for other hosts, in one read.
     */
    Contents contents() {
        return registryRead(view -> new Contents(List.copyOf(view.leases()), List.copyOf(view.processes()),
                List.copyOf(view.remoteLeases())));
    }

    record Contents(List<Lease> leases, List<ProcessRecord> processes, List<RemoteLease> remote) {
    }

    /** The project's live leases and remembered ports, by owner. */
    Snapshot snapshot() {
        return registryRead(view -> {
            Map<LeaseOwner, Lease> leases = new HashMap<>();
            view.leases().stream().filter(this::ours).filter(alive()).forEach(l -> leases.put(l.owner(), l));
            Map<LeaseOwner, Integer> sticky = new HashMap<>();
            view.stickyPorts().stream().filter(s -> ours(s.owner())).forEach(s -> sticky.put(s.owner(), s.port()));
            return new Snapshot(leases, sticky);
        });
    }

    record Snapshot(Map<LeaseOwner, Lease> leases, Map<LeaseOwner, Integer> sticky) {
        Optional<Integer> port(LeaseOwner owner) {
            return Optional.ofNullable(leases.get(owner)).map(Lease::port)
                    .or(() -> Optional.ofNullable(sticky.get(owner)));
        }
    }

    private boolean ours(Lease lease) {
        return ours(lease.owner());
    }

    private boolean ours(ProcessRecord process) {
        return process.project().equals(context.projectDir().toString()) && process.instance().equals(context.instance());
    }

    private boolean ours(LeaseOwner owner) {
        return owner.project().equals(context.projectDir().toString()) && owner.instance().equals(context.instance());
    }

    <T> T registryCall(Function<RegistryTransaction, T> work) {
        try {
            return registry.update(work);
        } catch (RegistryException e) {
            throw DevstackException.state(e.getMessage(), e);
        } catch (PortOutsidePool e) {
            throw DevstackException.portConflicts("the team registry refused a port", List.of(e.getMessage()));
        }
    }

    <T> T registryRead(Function<RegistryView, T> work) {
        try {
            return registry.read(work);
        } catch (RegistryException e) {
            throw DevstackException.state(e.getMessage(), e);
        }
    }
}
