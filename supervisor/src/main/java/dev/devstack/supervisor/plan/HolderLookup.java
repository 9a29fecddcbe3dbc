package dev.devstack.supervisor.plan;

import java.util.Optional;

/** Describes what listens on a port ("pid 1234 (postgres, user dev)"), for messages about taken ports. */
@FunctionalInterface
public interface HolderLookup {

    Optional<String> describe(int port);
}
