package dev.devstack.app;

import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.PortStatus;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RegistryTransaction;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import dev.devstack.supervisor.config.PortRange;
import dev.devstack.supervisor.plan.ScanOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Ports claimed by hand, for scripts and CI: `devstack claim`, `release`, `gc` and `run`. A claim
 * is one exclusive registry operation, like `up`'s: two claims at the same instant never get the
 * same port, and neither gets a port a running stack holds.
 */
public final class ManualLeases {

    /**
     * The refused ports a claim remembers, for its messages (which name three at most): claims
     * without a name all scan from the same place, past every port claimed before them.
     */
    private static final int REFUSALS_KEPT = 3;

    private final Machine machine;
    private final ProjectContext context;

    private ManualLeases(Machine machine, ProjectContext context) {
        this.machine = machine;
        this.context = context;
    }

    public static ManualLeases of(ProjectContext context, Consumer<String> warnings) {
        return new ManualLeases(new Machine(context, warnings), context);
    }

    /** What `release` did: the leases it removed, and the live leases of running stacks it would not touch. */
    public record Released(List<Lease> removed, List<Lease> refused) {
    }

    /** What `gc` removed: leases of ended processes or past their time, and records of ended service processes. */
    public record Collected(List<Lease> leases, List<ProcessRecord> processes) {
    }

    /**
     * For the agent, which makes the claims by hand of every project of the user: of the context,
     * only the home folder (the registry) and the clock count.
     */
    public static ManualLeases of(Path home, Clock clock, Consumer<String> warnings) {
        return of(new ProjectContext(home, Map.of(), home, ProjectContext.DEFAULT_INSTANCE, clock), warnings);
    }

    public ManualClaim claim(ClaimRequest request) {
        Optional<ProcessInfo> holder = holder(request);
        Predicate<Lease> alive = machine.leases.alive();
        Instant now = context.clock().instant();
        try {
            return machine.leases.registryCall(tx -> {
                Audit.sweep(tx, alive, now);
                return claim(tx, request, holder, now, PortIndex.of(tx));
            });
        } catch (DevstackException e) {
            if (e.category() == ErrorCategory.PORT_CONFLICT) {
                machine.leases.registryCall(tx -> {
                    tx.record(conflict(request, holder, now, e));
                    return null;
                });
            }
            throw e;
        }
    }

    /**
     * Makes every change in one exclusive registry operation, in their order, with one sweep and one
     * write of the registry for all of them: what lets the agent answer a thousand claims a second,
     * each committed before it is answered. A change that fails (no free port, no such pid) is
     * {@link ChangeOutcome.Failed} and changes nothing; the others are made. Throws only when the
     * registry itself fails, and then none is made.
     */
    public List<ChangeOutcome> changeAll(List<LeaseChange> changes) {
        ChangeOutcome[] outcomes = new ChangeOutcome[changes.size()];
        List<Optional<ProcessInfo>> holders = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Optional<ProcessInfo> holder = Optional.empty();
            if (changes.get(i) instanceof LeaseChange.Claim claim) {
                try {
                    holder = holder(claim.request());
                } catch (DevstackException e) {
                    outcomes[i] = new ChangeOutcome.Failed(e);
                }
            }
            holders.add(holder);
        }
        if (Arrays.stream(outcomes).allMatch(Objects::nonNull)) {
            return List.of(outcomes);
        }
        Predicate<Lease> alive = machine.leases.alive();
        Instant now = context.clock().instant();
        machine.leases.registryCall(tx -> {
            List<Lease> swept = new ArrayList<>(Audit.sweep(tx, alive, now));
            PortIndex index = PortIndex.of(tx);
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    outcomes[i] = change(tx, changes.get(i), holders.get(i), alive, now, index, swept);
                }
            }
            return null;
        });
        return List.of(outcomes);
    }

    private ChangeOutcome change(RegistryTransaction tx, LeaseChange change, Optional<ProcessInfo> holder,
                                 Predicate<Lease> alive, Instant now, PortIndex index, List<Lease> swept) {
        if (change instanceof LeaseChange.Claim claim) {
            try {
                return new ChangeOutcome.Claimed(claim(tx, claim.request(), holder, now, index));
            } catch (DevstackException e) {
                if (e.category() == ErrorCategory.PORT_CONFLICT) {
                    tx.record(conflict(claim.request(), holder, now, e));
                }
                return new ChangeOutcome.Failed(e);
            }
        }
        return new ChangeOutcome.Released(release(tx, change, alive, now, index, swept));
    }

    private Optional<ProcessInfo> holder(ClaimRequest request) {
        if (request.pid().isEmpty()) {
            return Optional.empty();
        }
        long pid = request.pid().getAsLong();
        return Optional.of(machine.processes.find(pid).orElseThrow(() -> DevstackException.invalidConfig(
                "no process has pid " + pid + ": --pid must name a running process", List.of())));
    }

    private RegistryEvent conflict(ClaimRequest request, Optional<ProcessInfo> holder, Instant now,
                                   DevstackException e) {
        return new RegistryEvent(now, RegistryEvent.Kind.CONFLICT, request.preferred().isEmpty() ? 0
                : request.preferred().get(0), request.name().map(n -> LeaseOwner.manual(n).describe()).orElse(""),
                holder.map(ProcessInfo::pid).orElse(0L), machine.processes.self().user(),
                e.getMessage() + ": " + String.join("; ", e.details()));
    }

    /** Throws, having changed nothing, when no port can be claimed. */
    private ManualClaim claim(RegistryTransaction tx, ClaimRequest request, Optional<ProcessInfo> holder,
                              Instant now, PortIndex leased) {
        Optional<Instant> expires = request.ttl().map(now::plus);
        if (request.name().isPresent()) {
            Optional<Lease> existing = tx.lease(LeaseOwner.manual(request.name().get()));
            if (existing.isPresent()) {
                Lease kept = renewed(existing.get(), holder, expires);
                tx.putLease(kept);
                leased.add(kept);
                tx.record(Audit.of(now, RegistryEvent.Kind.CLAIM, kept, "claimed again by name: same port"));
                return new ManualClaim(kept, true, Optional.empty());
            }
        }
        Map<Integer, PortStatus> refused = new LinkedHashMap<>();
        String user = machine.processes.self().user();
        ClaimRequest asked = tx.pool(user, "").map(pool -> request.within(new PortRange(pool.first(), pool.last())))
                .orElse(request);
        PrimitiveIterator.OfInt candidates = candidates(asked, user);
        while (candidates.hasNext()) {
            int port = candidates.nextInt();
            Lease other = leased.first(port);
            PortStatus status = other == null ? machine.probe.check(port) : null;
            if (status instanceof PortStatus.NotAllowed && request.preferred().contains(port)) {
                throw DevstackException.portConflicts("cannot claim port " + port, List.of(refusal(port, null, status)
                        + "; ports below 1024 need root (or CAP_NET_BIND_SERVICE): ask for a port of 1024 or more"));
            }
            if (status != null && status.isFree()) {
                Lease lease = new Lease(LeaseOwner.manual(request.name().orElse("port-" + port)), port,
                        holder.map(ProcessInfo::pid).orElse(0L), holder.map(ProcessInfo::startMillis).orElse(0L),
                        machine.processes.self().user(), now, expires);
                tx.putLease(lease);
                leased.add(lease);
                boolean moved = !request.preferred().isEmpty() && port != request.preferred().get(0)
                        && !refused.isEmpty();
                Optional<String> why = moved ? refused.entrySet().stream().findFirst()
                        .map(first -> refusal(first.getKey(), leased.first(first.getKey()), first.getValue()))
                        : Optional.empty();
                tx.record(Audit.of(now, moved ? RegistryEvent.Kind.MOVE : RegistryEvent.Kind.CLAIM, lease,
                        why.map(text -> "claimed instead: " + text).orElse("claimed")));
                return new ManualClaim(lease, false, why);
            }
            if (refused.size() < REFUSALS_KEPT) {
                refused.put(port, status);
            }
        }
        throw DevstackException.portConflicts("no free port to claim", refused.isEmpty() ? List.of("the range is empty")
                : refused.entrySet().stream().limit(3)
                        .map(e -> refusal(e.getKey(), leased.first(e.getKey()), e.getValue())).toList());
    }

    private static Lease renewed(Lease lease, Optional<ProcessInfo> holder, Optional<Instant> expires) {
        return new Lease(lease.owner(), lease.port(), holder.map(ProcessInfo::pid).orElse(lease.pid()),
                holder.map(ProcessInfo::startMillis).orElse(lease.pidStart()), lease.user(), lease.claimedAt(),
                expires.or(lease::expiresAt));
    }

    /**
     * Why {@code port} was refused ({@code status} is null for a leased port), in words; made only
     * for the ports a message names, since finding the holder of a port reads /proc.
     */
    private String refusal(int port, Lease lease, PortStatus status) {
        if (lease != null) {
            return "port " + port + " is leased to " + lease.owner().describe();
        }
        if (status instanceof PortStatus.NotAllowed notAllowed) {
            return "port " + port + " is not allowed for this user (" + notAllowed.reason() + ")";
        }
        return "port " + port + " is in use" + machine.sockets.holderOf(port).map(ListeningProcess::describe)
                .map(holder -> " by " + holder).orElse("");
    }

    /**
     * The preferred ports, then every port above the last of them, then the default range; or the
     * range asked for (the default one without preferred ports), from an offset hashed from the
     * user and the name: another user's claims are not in this user's registry, so two users who
     * scanned from the same place would be handed the same ports.
     */
    static PrimitiveIterator.OfInt candidates(ClaimRequest request, String user) {
        if (!request.preferred().isEmpty()) {
            int last = request.preferred().get(request.preferred().size() - 1);
            return IntStream.concat(IntStream.concat(request.preferred().stream().mapToInt(Integer::intValue),
                    IntStream.rangeClosed(last + 1, 65_535)), IntStream.rangeClosed(PortRange.DEFAULT.first(),
                    PortRange.DEFAULT.last())).iterator();
        }
        PortRange range = request.range().orElse(PortRange.DEFAULT);
        int offset = ScanOrder.offset(range, user, "", request.name().orElse(""), "");
        return ScanOrder.ports(range, offset);
    }

    /** Removes the leases on {@code port}: claimed ones, and any whose holder has ended; never a running stack's. */
    public Released release(int port) {
        return release(new LeaseChange.ReleasePort(port));
    }

    public Released release(String name) {
        return release(new LeaseChange.ReleaseName(name));
    }

    private Released release(LeaseChange change) {
        Predicate<Lease> alive = machine.leases.alive();
        Instant now = context.clock().instant();
        return machine.leases.registryCall(tx -> release(tx, change, alive, now, PortIndex.of(tx), new ArrayList<>()));
    }

    /**
     * {@code swept}: the leases this operation swept before (a batch's); one that the release asks
     * for counts as removed, as it would have been without the sweep, and is taken off the list.
     */
    private static Released release(RegistryTransaction tx, LeaseChange change, Predicate<Lease> alive, Instant now,
                                    PortIndex index, List<Lease> swept) {
        Predicate<Lease> wanted;
        List<Lease> held;
        if (change instanceof LeaseChange.ReleaseName name) {
            wanted = lease -> lease.owner().equals(LeaseOwner.manual(name.name()));
            held = tx.lease(LeaseOwner.manual(name.name())).stream().toList();
        } else {
            int port = ((LeaseChange.ReleasePort) change).port();
            wanted = lease -> lease.port() == port;
            held = index.on(port);
        }
        List<Lease> removed = new ArrayList<>();
        List<Lease> refused = new ArrayList<>();
        for (Lease lease : held) {
            if (lease.owner().manual() || !alive.test(lease)) {
                tx.removeLease(lease.owner());
                index.remove(lease);
                tx.record(Audit.of(now, RegistryEvent.Kind.RELEASE, lease, "released"));
                removed.add(lease);
            } else {
                refused.add(lease);
            }
        }
        swept.stream().filter(wanted).forEach(removed::add);
        swept.removeIf(wanted);
        return new Released(removed, refused);
    }

    /** Every lease of the registry, of any project, and whether its holder still runs. */
    public List<Listed> leases() {
        Predicate<Lease> alive = machine.leases.alive();
        return machine.leases.contents().leases().stream().map(lease -> new Listed(lease, alive.test(lease))).toList();
    }

    /** A lease of the registry; {@code alive}: its holder still runs and its time has not run out. */
    public record Listed(Lease lease, boolean alive) {
    }

    /** Who listens on {@code port}, and its lease: `devstack who`. */
    public WhoReport who(int port) {
        return Who.port(machine, port);
    }

    /** Sweeps leases of ended processes and expired ones, and records of service processes that have ended. */
    public Collected gc() {
        Predicate<Lease> alive = machine.leases.alive();
        Instant now = context.clock().instant();
        return machine.leases.registryCall(tx -> {
            List<Lease> leases = Audit.sweep(tx, alive, now);
            List<ProcessRecord> processes = new ArrayList<>();
            for (ProcessRecord record : tx.processes()) {
                if (!machine.processes.isAlive(record.pid(), record.pidStart())
                        && !machine.processes.isAlive(record.supervisorPid(), record.supervisorStart())) {
                    forget(tx, record);
                    processes.add(record);
                }
            }
            return new Collected(leases, processes);
        });
    }

    private static void forget(RegistryTransaction tx, ProcessRecord record) {
        tx.forgetProcess(record.project(), record.instance(), record.service(), record.pid());
    }
}
