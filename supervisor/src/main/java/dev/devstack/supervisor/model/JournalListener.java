package dev.devstack.supervisor.model;

/**
 * Receives a stack's numbered events in order, on the stack's events thread; must not block
 * (a client with a slow connection queues them, and is cut off when the queue is full).
 */
public interface JournalListener {

    void on(NumberedEvent event);

    /** The events numbered {@code first} to {@code last} are no longer held: told before the next ones. */
    void missed(long first, long last);
}
