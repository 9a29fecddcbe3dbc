package dev.devstack.app;

import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.ControlRequest;
import dev.devstack.supervisor.control.StreamItem;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Waits, through a running stack's control socket, until services reach a {@link WaitCondition}:
 * subscribes with snapshots and judges each one, so that nothing is polled and nothing missed.
 */
public final class StackWait {

    private static final Timer DEADLINES = new Timer("devstack-wait-deadline", true);

    private final List<String> names;
    private final WaitCondition condition;
    private final Set<String> oneshots;

    /**
     * {@code names}: services or replicas ({@code web.1}; {@code web} means each of its replicas);
     * empty: all. {@code oneshots}: the units that are one-shot tasks ({@link #oneshots}).
     */
    public StackWait(List<String> names, WaitCondition condition, Set<String> oneshots) {
        this.names = List.copyOf(names);
        this.condition = condition;
        this.oneshots = Set.copyOf(oneshots);
    }

    /** The units of one-shot tasks in a configuration. */
    public static Set<String> oneshots(StackConfig config) {
        return config.services().stream().filter(ServiceSpec::oneshot).flatMap(s -> s.units().stream())
                .collect(Collectors.toSet());
    }

    /**
     * Waits on {@code client} (a connection of its own: it becomes the subscription, and is closed
     * when the time runs out) until every service waited for reached the condition, one failed,
     * the stack ended or {@code timeout} passed. {@code progress} hears of each service that
     * reached the condition or failed, once, in order.
     */
    public WaitOutcome await(ControlClient client, Duration timeout,
                             BiConsumer<ServiceSnapshot, WaitCondition.Verdict> progress) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, WaitCondition.Verdict> told = new HashMap<>();
        // the first snapshot is had whatever the time left: the outcome, even a timeout, names the services
        Optional<StackSnapshot> first = client.stream(new ControlRequest.Subscribe(null, true));
        if (first.isEmpty()) {
            throw new IOException("the stack sent no snapshot to a subscription that asked for one");
        }
        StackSnapshot last = first.get();
        Optional<WaitOutcome> outcome = judge(last, told, progress);
        long left = deadline - System.nanoTime();
        if (outcome.isPresent() || left <= 0) {
            return outcome.orElse(new WaitOutcome.TimedOut(last, waiting(last)));
        }
        AtomicBoolean expired = new AtomicBoolean();
        TimerTask expiry = new TimerTask() {
            @Override
            public void run() {
                expired.set(true);
                client.close();
            }
        };
        DEADLINES.schedule(expiry, Math.max(1, Duration.ofNanos(left).toMillis()));
        try {
            for (Optional<StackSnapshot> next = nextSnapshot(client); next.isPresent(); next = nextSnapshot(client)) {
                last = next.get();
                outcome = judge(last, told, progress);
                if (outcome.isPresent()) {
                    return outcome.get();
                }
            }
            return new WaitOutcome.StackEnded(last);
        } catch (IOException e) {
            if (expired.get()) {
                return new WaitOutcome.TimedOut(last, waiting(last));
            }
            throw e;
        } finally {
            expiry.cancel();
        }
    }

    /** The units of the stack that {@code names} mean, in the stack's order; an IllegalArgumentException names what is not there. */
    public List<ServiceSnapshot> units(StackSnapshot snapshot) {
        if (names.isEmpty()) {
            return snapshot.services();
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            List<String> matched = snapshot.services().stream().map(ServiceSnapshot::name)
                    .filter(unit -> unit.equals(name) || unit.startsWith(name + ".")
                            && unit.substring(name.length() + 1).chars().allMatch(Character::isDigit))
                    .toList();
            if (matched.isEmpty()) {
                unknown.add(name);
            }
            chosen.addAll(matched);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no service of " + snapshot.project() + " is called "
                    + String.join(" or ", unknown) + "; it has: "
                    + String.join(", ", snapshot.services().stream().map(ServiceSnapshot::name).toList()));
        }
        return snapshot.services().stream().filter(s -> chosen.contains(s.name())).toList();
    }

    /** Reached, failed, or empty while some service is still on its way. */
    public Optional<WaitOutcome> judge(StackSnapshot snapshot, Map<String, WaitCondition.Verdict> told,
                                       BiConsumer<ServiceSnapshot, WaitCondition.Verdict> progress) {
        ServiceSnapshot failed = null;
        boolean all = true;
        for (ServiceSnapshot service : units(snapshot)) {
            WaitCondition.Verdict verdict = condition.judge(service, snapshot.phase(), oneshots.contains(service.name()));
            if (verdict != WaitCondition.Verdict.WAITING && told.put(service.name(), verdict) != verdict) {
                progress.accept(service, verdict);
            }
            all &= verdict == WaitCondition.Verdict.REACHED;
            // a blocked service is the consequence; the one that blocked it is the news
            if (verdict == WaitCondition.Verdict.FAILED && (failed == null
                    || failed.state() == ServiceState.BLOCKED && service.state() != ServiceState.BLOCKED)) {
                failed = service;
            }
        }
        if (failed != null) {
            return Optional.of(new WaitOutcome.Failed(snapshot, failed));
        }
        return all ? Optional.of(new WaitOutcome.Reached(snapshot)) : Optional.empty();
    }

    private List<ServiceSnapshot> waiting(StackSnapshot snapshot) {
        return units(snapshot).stream()
                .filter(s -> condition.judge(s, snapshot.phase(), oneshots.contains(s.name())) != WaitCondition.Verdict.REACHED).toList();
    }

    private static Optional<StackSnapshot> nextSnapshot(ControlClient client) throws IOException {
        while (true) {
            Optional<StreamItem> item = client.nextItem();
            if (item.isEmpty()) {
                return Optional.empty();
            }
            if (item.get() instanceof StreamItem.CutOff cutOff) {
                throw new IOException("the stack cut this wait off: " + cutOff.why());
            }
            if (item.get() instanceof StreamItem.Snapshot snapshot) {
                return Optional.of(snapshot.snapshot());
            }
        }
    }
}
