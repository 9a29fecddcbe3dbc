package dev.devstack.app;

import dev.devstack.detect.JdkProcessTable;
import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.ListeningSockets;
import dev.devstack.detect.PortProbe;
import dev.devstack.detect.ProcessTable;
import dev.devstack.detect.SocketPortProbe;
import dev.devstack.store.LeaseRegistry;
import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.plan.PortPlanner;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real machine a command works on: its process table, its sockets and the lease registry
 * (closed with the machine: a team registry's connection and liveness lease end with it).
 */
final class Machine implements AutoCloseable {

    /** How long a command waits for another devstack to finish with the registry. */
    static final Duration REGISTRY_WAIT = Duration.ofSeconds(10);

    final ProcessTable processes = new JdkProcessTable();
    final ListeningSockets sockets = new ListeningSockets(processes);
    final PortProbe probe = new SocketPortProbe();
    final PortPlanner planner;
    final ProjectLeases leases;
    private final LazyRegistry registry;

    Machine(ProjectContext context, Consumer<String> warnings) {
        this.planner = new PortPlanner(probe, this::listenerOf, new EarlierRunFinder(this, context));
        this.registry = new LazyRegistry(() -> Registries.open(context, warnings));
        this.leases = new ProjectLeases(registry, processes, context);
    }

    /** The registry, opened now if it was not yet. */
    LeaseRegistry registry() {
        return registry.get();
    }

    @Override
    public void close() {
        registry.close();
    }

    private PortRefusal.Listener listenerOf(int port) {
        Optional<ListeningProcess> holder = sockets.holderOf(port);
        if (holder.isEmpty()) {
            return new PortRefusal.Unseen();
        }
        return holder.get().process().<PortRefusal.Listener>map(PortRefusal.Seen::new)
                .orElse(new PortRefusal.Hidden(holder.get().user(), holder.get().otherUser()));
    }
}
