package dev.devstack.supervisor.model;

import java.util.Optional;

/** Why devstack stops a service, or does not start it. */
public sealed interface StopCause {

    /** The whole stack is stopping (Ctrl-C, `devstack down`, a failure with `exit_on_failure`). */
    record Shutdown() implements StopCause {
    }

    /**
     * A user asked for this service, at the dashboard or from another terminal; {@code by} is who,
     * as the control socket's client said it (``devstack kill 5173``), if it did.
     */
    record Asked(Optional<String> by) implements StopCause {
    }

    /** It is stopped in order to be started again. */
    record Restart(RestartReason reason) implements StopCause {
    }
}
