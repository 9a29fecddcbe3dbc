package dev.devstack.store;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import org.mapdb.DB;
import org.mapdb.Serializer;

/** The named maps of the registry file, each of JSON strings by key. */
final class RegistryMaps {

    static final String LEASES = "leases";
    static final String STICKY = "sticky";
    static final String PROCESSES = "processes";
    /** The audit log, by a zero-padded sequence number, so that keys sort in the order written. */
    static final String EVENTS = "events";

    private static final List<String> ALL = List.of(LEASES, STICKY, PROCESSES, EVENTS);

    private RegistryMaps() {
    }

    /**
     * The map called {@code name}. A read-only file written before the map existed has none: it
     * reads as empty.
     */
    static NavigableMap<String, String> map(DB db, String name) {
        if (db.getStore().isReadOnly() && !db.exists(name)) {
            return Collections.emptyNavigableMap();
        }
        return db.treeMap(name, Serializer.STRING, Serializer.STRING).createOrOpen();
    }

    /** Reads every map's size, so that a damaged file fails on opening and not in the middle of work. */
    static void touchAll(DB db) {
        for (String name : ALL) {
            map(db, name).size();
        }
    }
}
