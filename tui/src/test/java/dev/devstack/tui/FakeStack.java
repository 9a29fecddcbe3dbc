package dev.devstack.tui;

import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
import dev.devstack.supervisor.model.UnitDependency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stack for the dashboard's screen tests: its snapshot and events are set by the test, and the
 * requests the dashboard makes are recorded ("restart api", "stop the stack").
 */
final class FakeStack implements StackView, StackControl {

    static final Instant NOW = Instant.parse("2026-11-26T12:03:44Z");

    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** The sizes services' terminals were given, apart from the requests, since every dashboard gives one. */
    final List<String> sizes = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<StackOutcome> finished = new CompletableFuture<>();
    private final List<StackListener> listeners = new CopyOnWriteArrayList<>();
    private volatile StackSnapshot snapshot;
    /** What the next reload or scale answers. */
    volatile ReloadOutcome reloadOutcome = new ReloadOutcome.Applied(List.of(), List.of(), List.of(), List.of());

    /** What `inspect` answers, by unit; a unit not here is refused as the stack refuses it. */
    final Map<String, ServiceInspection> inspections = new ConcurrentHashMap<>();
    /** From now on `scale` never answers, as a stack busy starting replicas. */
    volatile boolean scalesHang;
    /** From now on `inspect` never answers, as a stack that is slow to. */
    volatile boolean inspectionsHang;

    FakeStack(List<ServiceSnapshot> services, List<PortAssignment> ports) {
        set(services, ports);
    }

    void set(List<ServiceSnapshot> services, List<PortAssignment> ports) {
        set(services, ports, List.of());
    }

    void set(List<ServiceSnapshot> services, List<PortAssignment> ports, List<UnitDependency> dependencies) {
        snapshot = new StackSnapshot("shop", "default", NOW, StackPhase.RUNNING, services, ports, Optional.empty(),
                dependencies);
    }

    void emit(StackEvent event) {
        listeners.forEach(listener -> listener.on(event));
    }

    void print(String service, String line) {
        emit(new StackEvent.Output(NOW, service, OutputSource.STDOUT, line));
    }

    static ServiceSnapshot service(String name, ServiceState state, long pid, int port, ServiceDetail detail) {
        return new ServiceSnapshot(name, state, pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty(), OptionalLong.empty(),
                port > 0 ? List.of(port) : List.of(), pid > 0 ? Optional.of(NOW.minusSeconds(130)) : Optional.empty(),
                OptionalInt.empty(), 0, detail);
    }

    static PortAssignment port(String service, int port) {
        return new PortAssignment(service, "", port, new AssignmentReason.Sticky());
    }

    static PortAssignment moved(String service, int port, int wanted, String command) {
        return new PortAssignment(service, "", port, new AssignmentReason.Moved(new PortRefusal(wanted,
                new PortRefusal.InUse(new PortRefusal.Seen(88, "", command)))));
    }

    @Override
    public StackSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Subscription subscribe(StackListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void startService(String service) {
        requests.add("start " + service);
    }

    @Override
    public void stopService(String service, Optional<String> by) {
        requests.add("stop " + service);
    }

    @Override
    public void restartService(String service) {
        requests.add("restart " + service);
    }

    @Override
    public void killService(String service) {
        requests.add("kill " + service);
    }

    @Override
    public void input(String service, String line) {
        requests.add("input " + service + " " + line);
    }

    @Override
    public void resizeTerminals(int columns, int rows) {
        sizes.add(columns + "x" + rows);
    }

    @Override
    public CompletableFuture<ServiceInspection> inspect(String service) {
        requests.add("inspect " + service);
        if (inspectionsHang) {
            return new CompletableFuture<>();
        }
        ServiceInspection inspection = inspections.get(service);
        return inspection != null ? CompletableFuture.completedFuture(inspection)
                : CompletableFuture.failedFuture(new IllegalStateException("this stack runs no service `" + service + "`"));
    }

    @Override
    public CompletableFuture<StackOutcome> stop() {
        requests.add("stop the stack");
        return finished;
    }

    @Override
    public CompletableFuture<ReloadOutcome> reload(Optional<String> by) {
        requests.add("reload");
        return CompletableFuture.completedFuture(reloadOutcome);
    }

    @Override
    public CompletableFuture<ReloadOutcome> scale(String service, int replicas, Optional<String> by) {
        requests.add("scale " + service + " to " + replicas);
        return scalesHang ? new CompletableFuture<>() : CompletableFuture.completedFuture(reloadOutcome);
    }
}
