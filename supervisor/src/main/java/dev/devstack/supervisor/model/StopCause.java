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

    /** It is no longer in the configuration: a reload stops it, and the stack forgets it once it has ended. */
    record Removed() implements StopCause {
    }

    /** Its configuration changed: a reload stops it, and it starts again with the new one. */
    record Reconfigured() implements StopCause {
    }
}
