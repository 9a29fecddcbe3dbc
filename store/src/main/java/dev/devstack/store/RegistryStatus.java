package dev.devstack.store;

import java.util.List;
import java.util.Objects;

/**
 * What a registry that lives elsewhere (a team registry) says about its connection while a stack
 * runs. The embedded registry never changes status.
 */
public sealed interface RegistryStatus {

    /** The registry cannot be reached; the stack keeps running on the ports it has. */
    record Lost(String registry, String reason) implements RegistryStatus {
        public Lost {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The registry is back: {@code restored} leases were recorded again; {@code conflicts} are the
     * leases that someone else took meanwhile, each described in words, and not restored.
     */
    record Restored(String registry, int restored, List<String> conflicts) implements RegistryStatus {
        public Restored {
            Objects.requireNonNull(registry, "registry");
            conflicts = List.copyOf(conflicts);
        }
    }
}
