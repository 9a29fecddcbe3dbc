package dev.devstack.supervisor.model;

/**
 * What a user interface sees of a running stack: the current snapshot and the stream of events.
 * Listeners are called in event order on one devstack thread; they must not block for long.
 */
public interface StackView {

    StackSnapshot snapshot();

    /** Starts delivering events; closing the returned handle stops it. */
    Subscription subscribe(StackListener listener);
}
