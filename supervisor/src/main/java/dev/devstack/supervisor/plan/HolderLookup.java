package dev.devstack.supervisor.plan;

import dev.devstack.supervisor.PortRefusal;

/** Finds what listens on a port, for refusals a message names (a lookup reads /proc, so it is made only then). */
@FunctionalInterface
public interface HolderLookup {

    PortRefusal.Listener listenerOf(int port);
}
