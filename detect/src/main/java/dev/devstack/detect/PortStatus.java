package dev.devstack.detect;

/** What a bind attempt on every address family said about a port. */
public sealed interface PortStatus {

    /** Every address family present on this machine could bind the port. */
    record Free() implements PortStatus {
    }

    /** Some socket already has the port; {@code address} is where the bind failed. */
    record InUse(String address) implements PortStatus {
    }

    /** The port exists but this user may not bind it (EACCES), e.g. a privileged port. */
    record NotAllowed(String address, String reason) implements PortStatus {
    }

    default boolean isFree() {
        return this instanceof Free;
    }
}
