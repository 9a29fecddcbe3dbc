package dev.devstack.supervisor.project;

import dev.devstack.detect.PortHolder;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.store.Lease;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every listening TCP port of the machine with its process, and every live devstack lease, one row
 * per port and process (a server on both 0.0.0.0 and :: is one row). One /proc walk and one
 * registry read; for the dashboard's ports view, off its drawing thread.
 */
public final class MachinePorts {

    private final Machine machine;

    MachinePorts(Machine machine) {
        this.machine = machine;
    }

    public List<MachinePort> read() {
        Map<Integer, Lease> leases = new HashMap<>();
        machine.leases.live().forEach(lease -> leases.put(lease.port(), lease));
        Map<String, List<PortHolder>> byOwner = new LinkedHashMap<>();
        for (PortHolder holder : machine.sockets.holders()) {
            String owner = holder.listener().port() + "/" + holder.process().map(p -> "pid " + p.pid()).orElse(holder.user());
            byOwner.computeIfAbsent(owner, key -> new ArrayList<>()).add(holder);
        }
        List<MachinePort> ports = new ArrayList<>();
        for (List<PortHolder> holders : byOwner.values()) {
            PortHolder first = holders.get(0);
            int port = first.listener().port();
            Optional<ProcessInfo> process = first.process();
            OptionalLong group = process.map(p -> machine.processes.processGroup(p.pid())).orElse(OptionalLong.empty());
            ports.add(new MachinePort(port, holders.stream().map(h -> h.listener().address()).distinct().toList(),
                    process, group, first.user(), Optional.ofNullable(leases.get(port))));
        }
        Set<Integer> listened = ports.stream().map(MachinePort::port).collect(Collectors.toSet());
        for (Lease idle : leases.values().stream().filter(l -> !listened.contains(l.port())).toList()) {
            ports.add(new MachinePort(idle.port(), List.of(), Optional.empty(), OptionalLong.empty(), idle.user(),
                    Optional.of(idle)));
        }
        ports.sort(Comparator.comparingInt(MachinePort::port).thenComparing(p -> p.addresses().isEmpty()));
        return ports;
    }
}
