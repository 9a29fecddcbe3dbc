package dev.devstack.supervisor.model;

/** Receives a stack's events in order, on one devstack thread; must not block for long. */
@FunctionalInterface
public interface StackListener {

    void on(StackEvent event);

    /** No more events are waiting for now: a moment to flush whatever was buffered. */
    default void caughtUp() {
    }
}
