package dev.devstack.supervisor;

import java.util.OptionalInt;

/** A port the planner could not give: the reason a stack does not start, carried typed by its {@link DevstackException}. */
public sealed interface PortConflict {

    /** The unit (a service or one replica) that needed the port. */
    String service();

    /** Empty for the primary port. */
    String portName();

    /** The port it is about; empty when a whole range was full. */
    OptionalInt port();

    /** The file that configures the service ("ports.yaml"), where the next step is taken. */
    String source();

    /**
     * A port the service insists on ({@code on_conflict: fail} or {@code kill-own}) is refused;
     * {@code killOwnDeclined}: {@code kill-own} left the holder alone, since it is no earlier run of the service.
     */
    record Taken(String service, String portName, PortRefusal refusal, boolean killOwnDeclined, String source)
            implements PortConflict {
        @Override
        public OptionalInt port() {
            return OptionalInt.of(refusal.port());
        }
    }

    /** No port of {@code range} was free. */
    record RangeFull(String service, String portName, String range, String source) implements PortConflict {
        @Override
        public OptionalInt port() {
            return OptionalInt.empty();
        }
    }
}
