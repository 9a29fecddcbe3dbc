package dev.devstack.store;

/**
 * An entry of the registry that cannot be decoded; the message is the entry and what is wrong
 * with it ("{"port":"x"} has no number `port`"). The registry reports it naming the file.
 */
public final class DamagedEntry extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DamagedEntry(String what, Throwable cause) {
        super(what, cause);
    }
}
