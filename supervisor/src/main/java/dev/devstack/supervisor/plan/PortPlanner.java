package dev.devstack.supervisor.plan;

import dev.devstack.detect.PortProbe;
import dev.devstack.detect.PortReservation;
import dev.devstack.detect.PortStatus;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryView;
import dev.devstack.store.StickyPort;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.PortConflict;
import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.config.CheckSpec;
import dev.devstack.supervisor.config.OnConflict;
import dev.devstack.supervisor.config.PortRange;
import dev.devstack.supervisor.config.PortSpec;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.plan.EarlierRuns.EarlierRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses a port for every port of every service (DESIGN §5). Candidates, in order: the sticky
 * port when it agrees with the configuration, the configured ports, then the range from a hashed
 * offset. A candidate leased to another owner is skipped without probing; one only remembered
 * for another project is skipped while other ports are free. The rest are probed by binding,
 * and with {@code hold} kept bound until their service starts.
 */
public final class PortPlanner {

    /**
     * The registry's name for a stack's own HTTP API, in place of a service's: a service name must
     * begin with a letter or a digit (ConfigLoader), so no service can be called this.
     */
    public static final String API_UNIT = "@api";

    private final PortProbe probe;
    private final HolderLookup holders;
    private final EarlierRuns earlierRuns;

    public PortPlanner(PortProbe probe, HolderLookup holders, EarlierRuns earlierRuns) {
        this.probe = probe;
        this.holders = holders;
        this.earlierRuns = earlierRuns;
    }

    /**
     * @param alive  whether a lease's process still runs; dead leases are ignored
     * @param hold   keep the chosen ports bound and end earlier runs for {@code on_conflict: kill-own}
     *               (for `up`); `check` only looks
     */
    public PortPlan plan(StackConfig config, String instance, RegistryView registry, Predicate<Lease> alive,
                         boolean hold) {
        return plan(config, instance, registry, alive, hold, false);
    }

    /**
     * @param adopt keep an earlier run of a service that listens on its configured primary port
     *              (`up --adopt`) instead of moving or failing
     */
    public PortPlan plan(StackConfig config, String instance, RegistryView registry, Predicate<Lease> alive,
                         boolean hold, boolean adopt) {
        return plan(config, instance, registry, alive, hold, adopt, List.of(), Optional.empty());
    }

    /**
     * For a running stack that reads its configuration again: each port of {@code running} (its
     * current assignments) that the configuration still allows (one of the preferred ports, or
     * inside the range for {@code auto}, as a sticky port would be) stays as it is, unprobed, since
     * the stack's own service holds it; every other port is chosen and held as for `up`. The
     * stack's API keeps {@code runningApi}, the port its server listens on.
     */
    public PortPlan replan(StackConfig config, String instance, RegistryView registry, Predicate<Lease> alive,
                           List<PortAssignment> running, Optional<PortAssignment> runningApi) {
        return plan(config, instance, registry, alive, true, false, running, runningApi);
    }

    private PortPlan plan(StackConfig config, String instance, RegistryView registry, Predicate<Lease> alive,
                          boolean hold, boolean adopt, List<PortAssignment> running,
                          Optional<PortAssignment> runningApi) {
        String project = config.projectDir().toString();
        Map<Integer, Lease> leasedToOthers = new HashMap<>();
        for (Lease lease : registry.leases()) {
            if (!(lease.owner().project().equals(project) && lease.owner().instance().equals(instance))
                    && alive.test(lease)) {
                leasedToOthers.put(lease.port(), lease);
            }
        }
        Set<Integer> rememberedForOthers = new HashSet<>();
        for (StickyPort sticky : registry.stickyPorts()) {
            if (!(sticky.owner().project().equals(project) && sticky.owner().instance().equals(instance))) {
                rememberedForOthers.add(sticky.port());
            }
        }

        Search search = new Search(leasedToOthers, rememberedForOthers, hold, adopt);
        Map<String, PortAssignment> kept = kept(config, running);
        kept.values().forEach(assignment -> search.chosen.add(assignment.port()));
        runningApi.ifPresent(api -> search.chosen.add(api.port()));
        List<PortAssignment> assignments = new ArrayList<>();
        List<PortConflict> conflicts = new ArrayList<>();
        for (ServiceSpec service : config.services()) {
            List<String> units = service.units();
            for (int replica = 0; replica < units.size(); replica++) {
                Unit unit = new Unit(units.get(replica), service, config, instance, registry);
                if (service.port().wanted()) {
                    choose(search, unit, "", service.port().forReplica(replica), kept, assignments, conflicts);
                }
                int offset = replica;
                service.namedPorts().forEach((name, spec) ->
                        choose(search, unit, name, spec.forReplica(offset), kept, assignments, conflicts));
            }
        }
        for (ServiceSpec service : config.services()) {
            service.inheritPort().ifPresent(from -> {
                String first = config.service(from).orElseThrow().units().get(0);
                assignments.stream().filter(a -> a.service().equals(first) && a.primary()).findFirst()
                        .ifPresent(a -> service.units().forEach(unit -> assignments.add(new PortAssignment(unit, "",
                                a.port(), new AssignmentReason.Inherited(from)))));
            });
        }
        if (!conflicts.isEmpty()) {
            search.holds.values().forEach(list -> list.forEach(PortReservation::close));
            throw DevstackException.portConflicts(conflicts);
        }
        Optional<PortAssignment> api = runningApi.isPresent() ? runningApi : api(search, config, instance, registry);
        return new PortPlan(assignments, api, search.holds);
    }

    /**
     * The stack's API port, chosen after every service's so that it never takes one a service
     * wants: its sticky port while it is in the range, else the range from its own hashed offset.
     * Empty when the range is full: the stack runs without its API.
     */
    private Optional<PortAssignment> api(Search search, StackConfig config, String instance, RegistryView registry) {
        String project = config.projectDir().toString();
        LeaseOwner owner = new LeaseOwner(project, instance, API_UNIT, "");
        Optional<Integer> sticky = registry.sticky(owner).map(StickyPort::port).filter(config.range()::contains);
        if (sticky.isPresent() && search.tryTake(API_UNIT, sticky.get())) {
            return Optional.of(new PortAssignment(API_UNIT, "", sticky.get(), new AssignmentReason.Sticky()));
        }
        return search.scan(API_UNIT, config.range(), ScanOrder.offset(config.range(), project, API_UNIT, ""))
                .map(port -> new PortAssignment(API_UNIT, "", port, new AssignmentReason.Automatic(config.range().toString())));
    }

    /** The running assignments the configuration still allows, by unit and port name. */
    private static Map<String, PortAssignment> kept(StackConfig config, List<PortAssignment> running) {
        Map<String, PortAssignment> kept = new HashMap<>();
        for (ServiceSpec service : config.services()) {
            List<String> units = service.units();
            for (int replica = 0; replica < units.size(); replica++) {
                String unit = units.get(replica);
                Map<String, PortSpec> specs = new HashMap<>();
                if (service.port().wanted()) {
                    specs.put("", service.port().forReplica(replica));
                }
                int offset = replica;
                service.namedPorts().forEach((name, spec) -> specs.put(name, spec.forReplica(offset)));
                running.stream().filter(a -> a.service().equals(unit) && specs.containsKey(a.portName())
                        && !(a.reason() instanceof AssignmentReason.Inherited)
                        && (allows(specs.get(a.portName()), config.range(), a.port())
                                || movedFromPreferred(specs.get(a.portName()), a.reason())))
                        .forEach(a -> kept.put(key(unit, a.portName()), a));
            }
        }
        return kept;
    }

    /**
     * A unit that had to move off a port it still prefers keeps where it moved to: the port it wants
     * is as taken as before (by a service of its own stack, often), and planning it again would move
     * it once more, to the next free port, and restart it for nothing.
     */
    private static boolean movedFromPreferred(PortSpec spec, AssignmentReason reason) {
        return reason instanceof AssignmentReason.Moved moved && spec.mode() == PortSpec.Mode.PREFERRED
                && spec.preferred().contains(moved.refusal().port());
    }

    private static boolean allows(PortSpec spec, PortRange range, int port) {
        return spec.mode() == PortSpec.Mode.PREFERRED ? spec.preferred().contains(port) : range.contains(port);
    }

    private static String key(String unit, String portName) {
        return unit + " " + portName;
    }

    /** One running unit of a service (the service itself, or one replica) and where it is planned. */
    private record Unit(String name, ServiceSpec service, StackConfig config, String instance, RegistryView registry) {
    }

    private void choose(Search search, Unit unit, String portName, PortSpec spec, Map<String, PortAssignment> kept,
                        List<PortAssignment> assignments, List<PortConflict> conflicts) {
        PortAssignment running = kept.get(key(unit.name(), portName));
        if (running != null) {
            assignments.add(running);
            return;
        }
        StackConfig config = unit.config();
        LeaseOwner owner = new LeaseOwner(config.projectDir().toString(), unit.instance(), unit.name(), portName);
        Optional<Integer> sticky = unit.registry().sticky(owner).map(StickyPort::port)
                .filter(p -> spec.mode() == PortSpec.Mode.PREFERRED ? spec.preferred().contains(p)
                        : config.range().contains(p));

        if (sticky.isPresent() && search.tryTake(unit.name(), sticky.get())) {
            assignments.add(new PortAssignment(unit.name(), portName, sticky.get(), new AssignmentReason.Sticky()));
            return;
        }
        for (int preferred : spec.preferred()) {
            if (!sticky.equals(Optional.of(preferred)) && search.tryTake(unit.name(), preferred)) {
                assignments.add(new PortAssignment(unit.name(), portName, preferred, new AssignmentReason.Preferred()));
                return;
            }
        }
        Optional<PortRefusal> refusal = spec.preferred().isEmpty() ? Optional.empty()
                : Optional.of(search.whyNot(spec.preferred().get(0)));
        OnConflict onConflict = unit.service().onConflict();
        Optional<EarlierRun> earlier = spec.mode() == PortSpec.Mode.PREFERRED && search.inUse(spec.preferred().get(0))
                ? earlierRuns.find(spec.preferred().get(0), config, unit.instance(), unit.service()) : Optional.empty();
        if (earlier.isPresent()) {
            int wanted = spec.preferred().get(0);
            Settled settled = settle(search, unit, portName, wanted, earlier.get(), refusal.orElseThrow());
            if (settled.taken().isPresent()) {
                assignments.add(new PortAssignment(unit.name(), portName, wanted, settled.taken().get()));
                return;
            }
            refusal = Optional.of(settled.refusal());
        }
        if (onConflict.insists() && spec.mode() == PortSpec.Mode.PREFERRED) {
            conflicts.add(new PortConflict.Taken(unit.name(), portName, refusal.orElseThrow(),
                    onConflict == OnConflict.KILL_OWN && earlier.isEmpty(), config.source()));
            return;
        }
        Optional<Integer> found = search.scan(unit.name(), config.range(),
                ScanOrder.offset(config.range(), config.projectDir().toString(), unit.name(), portName));
        if (found.isEmpty()) {
            conflicts.add(new PortConflict.RangeFull(unit.name(), portName, config.range().toString(), config.source()));
            return;
        }
        AssignmentReason reason = refusal.isEmpty()
                ? new AssignmentReason.Automatic(config.range().toString())
                : new AssignmentReason.Moved(refusal.get());
        assignments.add(new PortAssignment(unit.name(), portName, found.get(), reason));
    }

    /** An earlier run on the wanted port: the port is taken after all ({@code taken}), or {@code refusal} says more. */
    private record Settled(Optional<AssignmentReason> taken, PortRefusal refusal) {
    }

    /**
     * Adopts the earlier run (`up --adopt`, unless a `log` readiness check needs output it cannot
     * see), ends it ({@code kill-own}; only previewed without {@code hold}), or names it in the refusal.
     */
    private Settled settle(Search search, Unit unit, String portName, int wanted, EarlierRun run, PortRefusal refusal) {
        boolean readsOutput = unit.service().ready().filter(check -> check.kind() == CheckSpec.Kind.LOG).isPresent();
        if (search.adopt && portName.isEmpty() && !readsOutput) {
            search.chosen.add(wanted);
            return new Settled(Optional.of(new AssignmentReason.Adopted(run.pid(), run.startMillis(), run.description(),
                    run.evidence())), refusal);
        }
        if (unit.service().onConflict() != OnConflict.KILL_OWN) {
            return new Settled(Optional.empty(), new PortRefusal(refusal.port(), refusal.blocker(),
                    Optional.of(new PortRefusal.EarlierRun(unit.name(), run.evidence(), false))));
        }
        if (!search.hold) {
            return new Settled(Optional.of(new AssignmentReason.Reclaimed(run.description(), run.evidence(), false)),
                    refusal);
        }
        if (earlierRuns.end(run) && search.tryTake(unit.name(), wanted)) {
            return new Settled(Optional.of(new AssignmentReason.Reclaimed(run.description(), run.evidence(), true)),
                    refusal);
        }
        PortRefusal after = search.whyNot(wanted);
        return new Settled(Optional.empty(), new PortRefusal(wanted, after.blocker(),
                Optional.of(new PortRefusal.EarlierRun(unit.name(), run.evidence(), true))));
    }

    private enum Refusal { THIS_STACK, LEASED, IN_USE, NOT_ALLOWED, RACED }

    /** The state of one planning pass: ports handed out so far, holds on them, and why others were refused. */
    private final class Search {
        private final Map<Integer, Lease> leasedToOthers;
        private final Set<Integer> rememberedForOthers;
        private final boolean hold;
        private final boolean adopt;
        private final Set<Integer> chosen = new LinkedHashSet<>();
        private final Map<String, List<PortReservation>> holds = new HashMap<>();
        private final Map<Integer, Refusal> refusals = new HashMap<>();
        private final Map<Integer, String> notAllowedReasons = new HashMap<>();

        Search(Map<Integer, Lease> leasedToOthers, Set<Integer> rememberedForOthers, boolean hold, boolean adopt) {
            this.leasedToOthers = leasedToOthers;
            this.rememberedForOthers = rememberedForOthers;
            this.hold = hold;
            this.adopt = adopt;
        }

        /** True when the port is now the service's; otherwise the refusal is recorded for {@link #whyNot}. */
        boolean tryTake(String service, int port) {
            if (chosen.contains(port)) {
                refusals.put(port, Refusal.THIS_STACK);
                return false;
            }
            if (leasedToOthers.containsKey(port)) {
                refusals.put(port, Refusal.LEASED);
                return false;
            }
            PortStatus status = probe.check(port);
            if (status instanceof PortStatus.InUse) {
                refusals.put(port, Refusal.IN_USE);
                return false;
            }
            if (status instanceof PortStatus.NotAllowed notAllowed) {
                refusals.put(port, Refusal.NOT_ALLOWED);
                notAllowedReasons.put(port, notAllowed.reason());
                return false;
            }
            if (hold) {
                Optional<PortReservation> held = probe.hold(port);
                if (held.isEmpty()) {
                    refusals.put(port, Refusal.RACED);
                    return false;
                }
                holds.computeIfAbsent(service, s -> new ArrayList<>()).add(held.get());
            }
            chosen.add(port);
            return true;
        }

        boolean inUse(int port) {
            return refusals.get(port) == Refusal.IN_USE;
        }

        /** Why {@code port} was refused; looks the holder up only now. */
        PortRefusal whyNot(int port) {
            PortRefusal.Blocker blocker = switch (refusals.getOrDefault(port, Refusal.IN_USE)) {
                case THIS_STACK -> new PortRefusal.OtherService();
                case LEASED -> {
                    Lease lease = leasedToOthers.get(port);
                    yield new PortRefusal.Leased(lease.owner(),
                            lease.processBound() ? OptionalLong.of(lease.pid()) : OptionalLong.empty());
                }
                case IN_USE -> new PortRefusal.InUse(holders.listenerOf(port));
                case NOT_ALLOWED -> new PortRefusal.NotAllowed(notAllowedReasons.get(port));
                case RACED -> new PortRefusal.Raced();
            };
            return new PortRefusal(port, blocker);
        }

        /** First a pass that avoids ports remembered for other projects, then one over just those. */
        Optional<Integer> scan(String service, PortRange range, int offset) {
            for (boolean remembered : new boolean[] {false, true}) {
                PrimitiveIterator.OfInt ports = ScanOrder.ports(range, offset);
                while (ports.hasNext()) {
                    int port = ports.nextInt();
                    if (rememberedForOthers.contains(port) == remembered && tryTake(service, port)) {
                        return Optional.of(port);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
