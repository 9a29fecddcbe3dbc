package dev.devstack.app;

import dev.devstack.app.view.PortRows;
import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RemoteLease;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every listening TCP port of the machine with its process, and every devstack lease, one row per
 * port and process (a server on both 0.0.0.0 and :: is one row), with conflicts marked; and the
 * leases a team registry holds for other hosts. One /proc walk and one registry read: for the
 * dashboard's ports view (off its drawing thread) and `ports --all`.
 */
public final class MachinePorts {

    private final Machine machine;
    private final Clock clock;

    MachinePorts(Machine machine, Clock clock) {
        this.machine = machine;
        this.clock = clock;
    }

    public static MachinePorts of(ProjectContext context, Consumer<String> warnings) {
        return new MachinePorts(new Machine(context, warnings), context.clock());
    }

    /** The same, as the dashboard's rows: the leases of the project in {@code projectDir} told from the others'. */
    public PortRows rows(Path projectDir) {
        return new MachinePortRows(this, projectDir);
    }

    /**
     * Once, for a command: the machine's ports and the other hosts' leases, with the registry
     * closed afterwards (a team registry's connection ends with it).
     */
    public static MachinePortsReport readOnce(ProjectContext context, Consumer<String> warnings, boolean endedLeasesToo) {
        try (Machine machine = new Machine(context, warnings)) {
            return new MachinePorts(machine, context.clock()).read(endedLeasesToo);
        }
    }

    /**
     * Every listening port and every live lease; with {@code endedLeasesToo}, leases of devstacks
     * that have ended too. Beside them the other hosts' leases that have not expired: a team
     * registry keeps them only while their holders' devstacks live, and a claim by hand that has
     * outlived its time is its own host's to sweep, so only the time is checked here.
     */
    public MachinePortsReport read(boolean endedLeasesToo) {
        ProjectLeases.Contents registry = machine.leases.contents();
        Predicate<Lease> alive = machine.leases.alive();
        Map<Integer, Lease> leases = new HashMap<>();
        for (Lease lease : registry.leases()) {
            boolean live = alive.test(lease);
            if ((live || endedLeasesToo) && (live || !leases.containsKey(lease.port()))) {
                leases.put(lease.port(), lease);
            }
        }
        Map<String, List<ListeningProcess>> byOwner = new LinkedHashMap<>();
        for (ListeningProcess holder : machine.sockets.holders()) {
            String owner = holder.listener().port() + "/" + holder.process().map(p -> "pid " + p.pid()).orElse(holder.user());
            byOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(holder);
        }
        List<MachinePort> ports = new ArrayList<>();
        for (List<ListeningProcess> holders : byOwner.values()) {
            ListeningProcess first = holders.get(0);
            int port = first.listener().port();
            Optional<ProcessInfo> process = first.process();
            OptionalLong group = process.map(p -> machine.processes.processGroup(p.pid())).orElse(OptionalLong.empty());
            Optional<Lease> lease = Optional.ofNullable(leases.get(port));
            boolean live = lease.map(alive::test).orElse(false);
            ports.add(new MachinePort(port, holders.stream().map(h -> h.listener().address()).distinct().toList(),
                    process, group, first.user(), lease, live,
                    live ? conflict(lease.get(), process, group, first.user(), registry.processes()) : Optional.empty()));
        }
        Set<Integer> listened = ports.stream().map(MachinePort::port).collect(Collectors.toSet());
        for (Lease idle : leases.values().stream().filter(l -> !listened.contains(l.port())).toList()) {
            ports.add(new MachinePort(idle.port(), List.of(), Optional.empty(), OptionalLong.empty(), idle.user(),
                    Optional.of(idle), alive.test(idle), Optional.empty()));
        }
        ports.sort(Comparator.comparingInt(MachinePort::port).thenComparing(p -> p.addresses().isEmpty()));
        Instant now = clock.instant();
        List<RemoteLease> remote = registry.remote().stream().filter(r -> !r.lease().expiredAt(now))
                .sorted(Comparator.comparing(RemoteLease::host).thenComparingInt(r -> r.lease().port())).toList();
        return new MachinePortsReport(ports, remote, machine.registry().describe());
    }

    /**
     * Why the listener on a leased port is not the leasing service's process, if it is not: its
     * process group is none of the groups recorded for that service. Without a record (the
     * service has not started, or records are not kept for it) nothing can be said.
     */
    private static Optional<LeaseConflict> conflict(Lease lease, Optional<ProcessInfo> process, OptionalLong group,
                                                    String user, List<ProcessRecord> records) {
        if (process.isEmpty()) {
            return Optional.of(new LeaseConflict(lease.owner(), Optional.empty(), user));
        }
        List<Long> groups = records.stream()
                .filter(r -> r.project().equals(lease.owner().project()) && r.instance().equals(lease.owner().instance())
                        && r.service().equals(lease.owner().service()))
                .map(ProcessRecord::pid).toList();
        if (groups.isEmpty() || (group.isPresent() && groups.contains(group.getAsLong()))) {
            return Optional.empty();
        }
        return Optional.of(new LeaseConflict(lease.owner(), process, user));
    }
}
