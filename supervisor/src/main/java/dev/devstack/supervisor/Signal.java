package dev.devstack.supervisor;

import java.util.Locale;
import java.util.Optional;

/** The signals devstack sends, with their Linux numbers; a stop_signal is one of them. */
public enum Signal {
    HUP(1),
    INT(2),
    QUIT(3),
    KILL(9),
    USR1(10),
    USR2(12),
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

    /** The signal named {@code INT} or {@code SIGINT}, in any case, if it is one of ours. */
    public static Optional<Signal> named(String name) {
        String bare = name.strip().toUpperCase(Locale.ROOT);
        String withoutPrefix = bare.startsWith("SIG") ? bare.substring(3) : bare;
        for (Signal signal : values()) {
            if (signal.name().equals(withoutPrefix)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
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
