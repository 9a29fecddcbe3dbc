package dev.devstack.supervisor.model;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A stack's events, numbered and held in memory for a while, for clients that come and go (the
 * control socket, the HTTP API): one that comes later or reconnects gets what it missed while it
 * is still held, and is told what is no longer held. Also the last lines each service printed.
 */
public interface StackJournal {

    /** The number of the last event delivered so far; 0 before the first. */
    long lastSequence();

    /**
     * Delivers every held event numbered after {@code after} (after {@link JournalListener#missed}
     * if some of them are gone), then each new one as it is delivered; closing the handle stops it.
     */
    Subscription follow(long after, JournalListener listener);

    /**
     * The last {@code lines} lines of the services named (every service if none), printed at or
     * after {@code since} if given, oldest first.
     */
    OutputHistory output(Set<String> services, int lines, Optional<Instant> since);
}
