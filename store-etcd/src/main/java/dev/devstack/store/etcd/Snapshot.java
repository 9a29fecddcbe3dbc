package dev.devstack.store.etcd;

import dev.devstack.store.Lease;
import dev.devstack.store.ProcessRecord;
import dev.devstack.store.RemoteLease;
import dev.devstack.store.StickyPort;
import dev.devstack.store.TeamPools;
import java.util.List;
import java.util.SortedMap;

/**
 * What the registry held at one etcd revision, for one host: its own leases, sticky ports and
 * processes by their keys, the other hosts' leases, and the team's pools.
 *
 * @param revision      the etcd revision read; events are read at the same one, when asked for
 * @param guardRevision the guard's mod revision (0: never written); an update commits only if it is unchanged
 * @param guard         the guard's value
 */
record Snapshot(long revision, long guardRevision, Guard guard, SortedMap<String, Lease> leases,
                List<RemoteLease> remoteLeases, SortedMap<String, StickyPort> sticky,
                SortedMap<String, ProcessRecord> processes, TeamPools pools) {

    Snapshot {
        remoteLeases = List.copyOf(remoteLeases);
    }
}
