package dev.devstack.app;

import dev.devstack.app.view.PortRows;
import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import dev.devstack.store.ProcessRecord;
import java.nio.file.Path;
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
 * port and process (a server on both 0.0.0.0 and :: is one row), with conflicts marked. One /proc
 * walk and one registry read: for the dashboard's ports view (off its drawing thread) and
 * `ports --all`.
 */
public final class MachinePorts {

    private final Machine machine;

    MachinePorts(Machine machine) {
        this.machine = machine;
    }

    public static MachinePorts of(ProjectContext context, Consumer<String> warnings) {
        return new MachinePorts(new Machine(context, warnings));
    }

    /** The same, as the dashboard's rows: the leases of the project in {@code projectDir} told from the others'. */
    public PortRows rows(Path projectDir) {
        return new MachinePortRows(this, projectDir);
    }

    /** Every listening port and every live lease; with {@code endedLeasesToo}, leases of devstacks that have ended too. */
    public List<MachinePort> read(boolean endedLeasesToo) {
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
        return ports;
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
