package dev.devstack.store;

import java.time.Clock;

/**
 * Opens a team registry. Found with {@link java.util.ServiceLoader} only when a team registry is
 * configured, so that a devstack that uses the embedded registry never loads a backend's classes.
 */
public interface TeamRegistryBackend {

    /**
     * Connects, or throws a {@link RegistryException} naming the endpoints when none answers
     * within the settings' time.
     */
    LeaseRegistry open(TeamRegistrySettings settings, Clock clock);
}
