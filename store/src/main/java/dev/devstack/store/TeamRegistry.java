package dev.devstack.store;

/** A registry a team shares: one lease space for several hosts, with pools a team sets for all. */
public interface TeamRegistry extends LeaseRegistry {

    /** This host's identity in the registry. */
    String host();

    TeamPools pools();

    /** Replaces the team's pools for every host and user at once. */
    void definePools(TeamPools pools);
}
