package dev.devstack.app;

import dev.devstack.supervisor.DevstackException;

/**
 * What one {@link LeaseChange} of a batch came to. A change that failed is {@link Failed} and
 * changed nothing; the others of its batch are made all the same.
 */
public sealed interface ChangeOutcome {

    record Claimed(ManualClaim claim) implements ChangeOutcome {
    }

    record Released(ManualLeases.Released released) implements ChangeOutcome {
    }

    record Failed(DevstackException error) implements ChangeOutcome {
    }
}
