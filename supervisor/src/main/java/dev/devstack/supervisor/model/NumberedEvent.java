package dev.devstack.supervisor.model;

/**
 * An event with its number in the stack's journal: 1, 2, 3, … in the order the events were
 * delivered, so that a client that reconnects can ask for what came after the last one it saw.
 */
public record NumberedEvent(long sequence, StackEvent event) {
}
