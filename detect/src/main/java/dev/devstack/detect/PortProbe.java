package dev.devstack.detect;

import java.util.Optional;

/** Finds out whether a port can be taken, and keeps one taken until its service starts. */
public interface PortProbe {

    PortStatus check(int port);

    /**
     * Binds the port without listening, so that nothing else can take it until the hold is
     * closed. Empty when it cannot be held (taken in the meantime).
     */
    Optional<PortReservation> hold(int port);
}
