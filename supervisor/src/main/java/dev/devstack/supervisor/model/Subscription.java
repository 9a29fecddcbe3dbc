package dev.devstack.supervisor.model;

/** A listener's registration with a stack; closing it stops the deliveries, and cannot fail. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
