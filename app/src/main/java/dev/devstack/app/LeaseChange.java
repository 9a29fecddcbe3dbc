package dev.devstack.app;

/**
 * One change to the claims by hand, as the agent queues them to make many in one registry
 * transaction ({@link ManualLeases#changeAll}): a claim, or a release by port or by name.
 */
public sealed interface LeaseChange {

    record Claim(ClaimRequest request) implements LeaseChange {
    }

    record ReleasePort(int port) implements LeaseChange {
    }

    record ReleaseName(String name) implements LeaseChange {
    }
}
