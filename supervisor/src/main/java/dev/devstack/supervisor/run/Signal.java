package dev.devstack.supervisor.run;

import java.util.Optional;

/** The signals devstack sends, with their Linux numbers. */
public enum Signal {
    HUP(1),
    INT(2),
    KILL(9),
    TERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    @Override
    public String toString() {
        return "SIG" + name();
    }

    /** The signal with this number among ours, if it is one. */
    public static Optional<Signal> of(int number) {
        for (Signal signal : values()) {
            if (signal.number == number) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }
}
