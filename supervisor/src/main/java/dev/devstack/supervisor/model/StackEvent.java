package dev.devstack.supervisor.model;

import java.time.Instant;

/** Everything that happens in a running stack, in the order it happened. */
public sealed interface StackEvent {

    Instant at();

    /** One line a service printed. */
    record Output(Instant at, String service, OutputSource source, String line) implements StackEvent {
    }

    /** A service moved to a new state; {@code detail} says why or with what (its pid, how it ended). */
    record StateChanged(Instant at, String service, ServiceState state, ServiceDetail detail) implements StackEvent {
    }

    /** The processes of a service changed without a change of its state: who listens on its port, say. */
    record ProcessesChanged(Instant at, String service) implements StackEvent {
    }

    /** Something devstack itself has to say, about one service or (service empty) the whole stack. */
    record Notice(Instant at, String service, String message) implements StackEvent {
    }
}
