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

    /** The maps every operation reads whole anyway (sweeping, planning, process records). */
    private static final List<String> READ_WHOLE = List.of(LEASES, STICKY, PROCESSES);

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

    /**
     * Walks the maps an operation reads whole, and the audit log's first and last entries (what
     * appending to it reads), so that a damaged file fails on opening and not in the middle of work.
     * The log is not walked: it holds up to {@link RegistryEvent#KEPT} events, and decoding all of
     * them on every open cost more than the rest of a claim; only `history` reads it whole, and
     * damage found there is reported with the file and what to do (MapDbTransaction).
     */
    static void touchAll(DB db) {
        for (String name : READ_WHOLE) {
            map(db, name).size();
        }
        NavigableMap<String, String> events = map(db, EVENTS);
        if (!events.isEmpty()) {
            events.firstEntry();
            events.lastEntry();
        }
    }
}
