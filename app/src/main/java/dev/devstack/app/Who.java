package dev.devstack.app;

import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.ProcessDetails;
import dev.devstack.store.Lease;
import dev.devstack.store.RemoteLease;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * `devstack who PORT`: the processes listening on a port, IPv4 and IPv6, its devstack lease, and the
 * leases a team registry holds on that port of other hosts.
 */
public final class Who {

    private Who() {
    }

    public static WhoReport port(ProjectContext context, int port, Consumer<String> warnings) {
        try (Machine machine = new Machine(context, warnings)) {
            return port(machine, port);
        }
    }

    static WhoReport port(Machine machine, int port) {
        List<PortOccupant> holders = holders(machine, port);
        List<Lease> leases = machine.leases.onPort(port);
        Optional<Lease> live = leases.stream().filter(machine.leases.alive()).findFirst();
        Optional<Lease> lease = live.or(() -> leases.stream().findFirst());
        List<RemoteLease> remote = machine.leases.remoteOnPort(port).stream()
                .sorted(Comparator.comparing(RemoteLease::host)).toList();
        return new WhoReport(port, holders, lease, live.isPresent(), remote);
    }

    /** The processes listening on the port, each with all its addresses; reads no registry. */
    static List<PortOccupant> holders(Machine machine, int port) {
        Map<String, List<ListeningProcess>> byProcess = new LinkedHashMap<>();
        for (ListeningProcess holder : machine.sockets.holdersOf(port)) {
            String key = holder.process().map(p -> "pid " + p.pid()).orElse("user " + holder.user());
            byProcess.computeIfAbsent(key, k -> new ArrayList<>()).add(holder);
        }
        List<PortOccupant> holders = new ArrayList<>();
        for (List<ListeningProcess> same : byProcess.values()) {
            ListeningProcess first = same.get(0);
            Optional<ProcessDetails> details = first.process().flatMap(p -> machine.processes.details(p.pid()));
            holders.add(new PortOccupant(same.stream().map(h -> h.listener().address()).distinct().toList(), details,
                    first.user(), first.otherUser()));
        }
        return holders;
    }
}
