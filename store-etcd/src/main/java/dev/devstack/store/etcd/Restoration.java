package dev.devstack.store.etcd;

import dev.devstack.store.LeaseOwner;
import java.util.List;

/** What putting this process's leases back after an outage did: how many it restored, and the conflicts it left out. */
record Restoration(int restored, List<LeaseOwner> leftOut, List<String> conflicts) {

    Restoration {
        leftOut = List.copyOf(leftOut);
        conflicts = List.copyOf(conflicts);
    }
}
