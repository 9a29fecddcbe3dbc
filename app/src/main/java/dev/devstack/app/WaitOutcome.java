package dev.devstack.app;

import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackSnapshot;
import java.util.List;

/** How a wait for services of a running stack ended; {@code last}: the stack as last seen. */
public sealed interface WaitOutcome {

    StackSnapshot last();

    /** Every service waited for reached the condition. */
    record Reached(StackSnapshot last) implements WaitOutcome {
    }

    /** {@code service} cannot reach it: it crashed, failed, was blocked or stopped, or gave up on readiness. */
    record Failed(StackSnapshot last, ServiceSnapshot service) implements WaitOutcome {
    }

    /** The time ran out; {@code waiting}: the services not there yet, as last seen. */
    record TimedOut(StackSnapshot last, List<ServiceSnapshot> waiting) implements WaitOutcome {
    }

    /** The stack closed the connection before: it stopped (or its devstack died). */
    record StackEnded(StackSnapshot last) implements WaitOutcome {
    }
}
