package dev.devstack.supervisor.model;

import dev.devstack.supervisor.Signal;

/**
 * How a service's process ended. A death by signal arrives as the bare signal number, the same
 * as an exit with that code, so devstack tells a death by the signal it sent itself apart from an
 * exit code only by remembering what it sent.
 */
public sealed interface ExitDescription {

    /** The exit status (or the number of the signal that ended it). */
    int code();

    /** It ended on its own. */
    record Natural(int code) implements ExitDescription {
    }

    /** devstack stopped it (for {@code cause}), and it died of the last signal devstack sent. */
    record Signalled(Signal signal, StopCause cause) implements ExitDescription {
        @Override
        public int code() {
            return signal.number();
        }
    }

    /** devstack asked it to stop by {@code means} (for {@code cause}), and it ended with {@code code}. */
    record Stopped(StopMeans means, int code, StopCause cause) implements ExitDescription {
    }

    /**
     * devstack asked it to stop by {@code means}: it died of {@code signal} (the last signal
     * sent, if any) if its code is that signal's number, else it exited with {@code code}.
     */
    static ExitDescription stopped(StopMeans means, StopCause cause, Signal signal, int code) {
        return signal != null && code == signal.number() ? new Signalled(signal, cause)
                : new Stopped(means, code, cause);
    }
}
