package dev.devstack.supervisor.control;

import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.StackSnapshot;

/** One line of a stream from a stack (subscribe, logs), read back into typed values. */
public sealed interface StreamItem {

    /** An event with its number. */
    record Event(NumberedEvent event) implements StreamItem {
    }

    /** The events numbered {@code first} to {@code last} were no longer held when the client asked. */
    record Missed(long first, long last) implements StreamItem {
    }

    /** The whole stack after a change, in a subscription that asked for snapshots. */
    record Snapshot(StackSnapshot snapshot) implements StreamItem {
    }

    /** The lines of a `logs` that does not follow have all been sent; {@code sequence}: the last event then. */
    record End(long sequence) implements StreamItem {
    }

    /** The stack cut the client off, saying why; the connection closes after it. */
    record CutOff(String why) implements StreamItem {
    }
}
