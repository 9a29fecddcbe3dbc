package dev.devstack.supervisor.model;

import dev.devstack.supervisor.Signal;

/** How devstack asks a service to stop: its stop_command, or a signal to its group. */
public sealed interface StopMeans {

    /** The service's `stop_command`, run by devstack. */
    record StopCommand() implements StopMeans {
    }

    /** A signal to the service's group (its stop signal, or SIGKILL). */
    record SignalSent(Signal signal) implements StopMeans {
    }
}
