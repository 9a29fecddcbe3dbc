package dev.devstack.supervisor.run;

import dev.devstack.supervisor.config.Dependency;
import dev.devstack.supervisor.config.DependencyGraph;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.RestartRecord;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.UnitDependency;
import dev.devstack.supervisor.plan.ServicePlan;
import dev.devstack.supervisor.plan.StackPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the parts of a supervisor share: the services, what they depend on, whether the stack is
 * stopping, and how a change is made known (state, snapshot, event). Touched only on the engine
 * thread, except {@link #snapshot}, which is published for everyone.
 */
final class StackState {

    /** The plan it runs: a reload replaces it (on the engine thread), and the graph with it. */
    volatile StackPlan plan;
    DependencyGraph graph;
    /** The plan's graph with the condition of each edge, as the snapshot shows it. */
    private List<UnitDependency> dependencies;
    /**
     * Its units in configuration order (units a reload removed last, until they have ended). A
     * change replaces the whole map, so that the last-resort shutdown hook can walk it from its thread.
     */
    volatile Map<String, ServiceRuntime> services = Map.of();
    /** The runs of units a reload removed, should a later one bring their names back. */
    private final Map<String, Integer> forgottenRuns = new HashMap<>();
    private final boolean exitOnAnyFailure;
    final Clock clock;
    final EventBus bus;
    final CompletableFuture<StackOutcome> finished = new CompletableFuture<>();
    volatile StackSnapshot snapshot;
    /** Finished only by a stop, not when every service has ended ({@link SupervisorSettings#stayOpen}). */
    final boolean stayOpen;
    /** Set through {@link #beginStop()}, so that the snapshot says so at once. */
    boolean stopRequested;
    /** The size every service's terminal has: the dashboard's output pane, once it has told it. */
    TerminalSize terminalSize = TerminalSize.DEFAULT;
    StackOutcome.Failure failure;

    StackState(StackPlan plan, Clock clock, EventBus bus, boolean stayOpen, boolean exitOnAnyFailure) {
        this.plan = plan;
        this.stayOpen = stayOpen;
        this.graph = plan.graph();
        this.dependencies = dependencies(plan);
        this.clock = clock;
        this.bus = bus;
        this.exitOnAnyFailure = exitOnAnyFailure;
        Map<String, ServiceRuntime> units = new LinkedHashMap<>();
        for (ServicePlan service : plan.services()) {
            ServiceRuntime runtime = runtime(service);
            plan.ports().of(service.name()).stream().map(PortAssignment::reason)
                    .filter(AssignmentReason.Adopted.class::isInstance).map(AssignmentReason.Adopted.class::cast)
                    .findFirst().ifPresent(adoptee -> runtime.adoptee = adoptee);
            units.put(service.name(), runtime);
        }
        this.services = units;
        this.snapshot = buildSnapshot();
    }

    /** A new unit of the current plan, pending. */
    ServiceRuntime runtime(ServicePlan service) {
        return new ServiceRuntime(service, ports(service.name()), exitOnAnyFailure,
                forgottenRuns.getOrDefault(service.name(), 0));
    }

    /** The ports the current plan gives the unit. */
    List<Integer> ports(String unit) {
        return plan.ports().of(unit).stream().map(PortAssignment::port).toList();
    }

    /**
     * A reload: from now on the stack runs {@code next}. The ports still held for units that have
     * not started go over to the new plan where they stay the same.
     */
    void replan(StackPlan next) {
        next.ports().takeHolds(plan.ports());
        plan = next;
        graph = next.graph();
        dependencies = dependencies(next);
    }

    /** Its units from now on, in this order. */
    void arrange(Map<String, ServiceRuntime> units) {
        services = new LinkedHashMap<>(units);
        publishSnapshot();
    }

    /** A unit a reload removed has ended: it leaves the snapshot. */
    void forget(ServiceRuntime service) {
        Map<String, ServiceRuntime> units = new LinkedHashMap<>(services);
        units.remove(service.name());
        forgottenRuns.put(service.name(), service.run);
        services = units;
        publishSnapshot();
    }

    /** The service has entered {@code state}, with {@code detail}. */
    void changed(ServiceRuntime service, ServiceState state, ServiceDetail detail) {
        if (detail instanceof ServiceDetail.RestartScheduled || detail instanceof ServiceDetail.RestartingNow) {
            service.restartHistory = Inspections.withRestart(service.restartHistory,
                    new RestartRecord(clock.instant(), detail));
        }
        logCheckFound(service, detail);
        publishSnapshot();
        bus.publish(new StackEvent.StateChanged(clock.instant(), service.name(), state, detail));
    }

    /**
     * A `log` readiness check is no probe that {@link Readiness} attempts: its one result, a line
     * that matched or none within the timeout, is kept here for `inspect`.
     */
    private void logCheckFound(ServiceRuntime service, ServiceDetail detail) {
        ReadinessFinding finding = detail instanceof ServiceDetail.Ready ready ? ready.finding()
                : detail instanceof ServiceDetail.NotReady notReady ? notReady.finding() : null;
        if (finding instanceof ReadinessFinding.LineMatched || finding instanceof ReadinessFinding.NoLineMatched) {
            service.lastReadiness = new CheckStatus.Attempt(clock.instant(),
                    finding instanceof ReadinessFinding.LineMatched, DetailText.of(finding));
        }
    }

    /** The service has a new detail without a new state (e.g. not ready after 60s), told as a notice. */
    void explained(ServiceRuntime service, String notice) {
        logCheckFound(service, service.life.phase().detail());
        publishSnapshot();
        notice(service.name(), notice);
    }

    void notice(String service, String message) {
        bus.publish(new StackEvent.Notice(clock.instant(), service, message));
    }

    /** Completes {@link #finished} once nothing of the stack runs or will run. */
    void checkFinished() {
        if (!finished.isDone() && (stopRequested || !stayOpen)
                && services.values().stream().allMatch(s -> s.state().isTerminal())) {
            plan.ports().close();
            finished.complete(new StackOutcome(stopRequested, snapshot.services(), Optional.ofNullable(failure)));
        }
    }

    void beginStop() {
        stopRequested = true;
        publishSnapshot();
    }

    /** Publishes a snapshot after a change of the service's processes that is not a change of state. */
    void processesChanged(ServiceRuntime service) {
        publishSnapshot();
        bus.publish(new StackEvent.ProcessesChanged(clock.instant(), service.name()));
    }

    private void publishSnapshot() {
        snapshot = buildSnapshot();
    }

    private StackSnapshot buildSnapshot() {
        return new StackSnapshot(plan.config().project(), plan.instance(), clock.instant(), phase(),
                services.values().stream().map(ServiceRuntime::snapshot).toList(), plan.ports().assignments(),
                plan.config().names().frontDoor(), dependencies);
    }

    /** Each unit's dependencies on every unit (replica) of each service in its `depends_on`. */
    private static List<UnitDependency> dependencies(StackPlan plan) {
        List<UnitDependency> edges = new ArrayList<>();
        for (ServicePlan unit : plan.services()) {
            for (Dependency dependency : unit.spec().dependsOn()) {
                for (String on : plan.config().service(dependency.service()).orElseThrow().units()) {
                    edges.add(new UnitDependency(unit.name(), on, dependency.condition()));
                }
            }
        }
        return List.copyOf(edges);
    }

    private StackPhase phase() {
        if (stopRequested) {
            return StackPhase.STOPPING;
        }
        boolean starting = services.values().stream().anyMatch(s -> s.state() == ServiceState.PENDING
                || s.state() == ServiceState.STARTING || (s.state() == ServiceState.RUNNING
                && s.life.readiness() != Life.Readiness.GAVE_UP && !s.plan.spec().oneshot()
                && s.plan.spec().ready().isPresent()));
        return starting ? StackPhase.STARTING : StackPhase.RUNNING;
    }
}
