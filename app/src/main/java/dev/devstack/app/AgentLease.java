package dev.devstack.app;

import dev.devstack.detect.JdkProcessTable;
import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.ListeningSockets;
import dev.devstack.detect.PortStatus;
import dev.devstack.detect.ProcessInfo;
import dev.devstack.detect.ProcessTable;
import dev.devstack.detect.SocketPortProbe;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.MapDbLeaseRegistry;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.StickyPort;
import dev.devstack.supervisor.DevstackException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The agent's own port, leased like a service's for as long as the agent lives, and remembered as
 * its sticky port, so that it is the same port next time ({@link AgentPort}). The agent never moves
 * to another port on its own: named URLs carry this one, so a port held by someone else is an error
 * that says who holds it and how to choose another.
 */
public final class AgentLease implements AutoCloseable {

    private final MapDbLeaseRegistry registry;
    private final Lease lease;
    private final Clock clock;

    private AgentLease(MapDbLeaseRegistry registry, Lease lease, Clock clock) {
        this.registry = registry;
        this.lease = lease;
        this.clock = clock;
    }

    public static AgentLease take(Path home, Optional<Integer> asked, Map<String, String> environment, Clock clock,
                                  Consumer<String> warnings) {
        MapDbLeaseRegistry registry = new MapDbLeaseRegistry(home, Machine.REGISTRY_WAIT, warnings, clock);
        ProcessTable processes = new JdkProcessTable();
        ProcessInfo self = processes.self();
        LeaseOwner owner = AgentPort.owner(home);
        Lease lease = registry.update(tx -> {
            Instant now = clock.instant();
            int port = AgentPort.of(asked, environment, tx, home);
            tx.lease(owner).filter(held -> held.pid() != self.pid() && processes.isAlive(held.pid(), held.pidStart()))
                    .ifPresent(held -> {
                        throw DevstackException.alreadyRunning("a devstack agent runs already for this user (pid "
                                + held.pid() + ", port " + held.port() + "); `devstack agent stop` stops it");
                    });
            Optional<Lease> other = tx.leases().stream().filter(held -> held.port() == port && !held.owner().equals(owner)
                    && !held.expiredAt(now) && (!held.processBound() || processes.isAlive(held.pid(), held.pidStart())))
                    .findFirst();
            if (other.isPresent()) {
                throw refused(port, "it is leased to " + other.get().owner().describe());
            }
            PortStatus status = new SocketPortProbe().check(port);
            if (!status.isFree()) {
                throw refused(port, "it is in use" + new ListeningSockets(processes).holderOf(port)
                        .map(ListeningProcess::describe).map(holder -> " by " + holder).orElse(""));
            }
            Lease taken = new Lease(owner, port, self.pid(), self.startMillis(), self.user(), now);
            tx.putLease(taken);
            tx.remember(new StickyPort(owner, port, now));
            tx.record(Audit.of(now, RegistryEvent.Kind.CLAIM, taken, "the agent's port for names"));
            return taken;
        });
        return new AgentLease(registry, lease, clock);
    }

    private static DevstackException refused(int port, String why) {
        return DevstackException.portConflicts("the agent cannot serve names on port " + port + ": " + why, List.of(
                "choose another port once with `devstack agent start --port N` (it is kept for next time),"
                        + " or set " + AgentPort.VARIABLE));
    }

    public int port() {
        return lease.port();
    }

    /** Gives the lease back; its sticky port stays, for the next agent. */
    @Override
    public void close() {
        registry.update(tx -> {
            tx.removeLease(lease.owner());
            tx.record(Audit.of(clock.instant(), RegistryEvent.Kind.RELEASE, lease, "the agent stopped"));
            return null;
        });
    }
}
