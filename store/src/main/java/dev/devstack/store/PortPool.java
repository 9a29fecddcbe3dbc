package dev.devstack.store;

import java.util.Objects;

/**
 * The ports a team registry lets one user or project have, {@code first} to {@code last}
 * inclusive. {@code rule} says whose pool it is, in words ("the pool of user alice").
 */
public record PortPool(String rule, int first, int last) {

    public PortPool {
        Objects.requireNonNull(rule, "rule");
        if (first < 1 || last > 65_535 || first > last) {
            throw new IllegalArgumentException(rule + ": " + first + "-" + last + " is not a range of ports");
        }
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** "20000-20999". */
    public String range() {
        return first + "-" + last;
    }
}
