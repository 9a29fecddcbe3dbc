package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.ServiceDetail;
import java.util.OptionalInt;

/**
 * Everything that decides what happens next to one service: its phase, and what it remembers
 * beyond the phase. {@code started} (at least once) and {@code completed} (a one-shot task that
 * exited 0) are what dependents wait for, as {@code readiness} of the current run is;
 * {@code streak} counts restarts in a row (backoff, max_restarts), {@code restarts} all of them.
 * {@code adopted}: the run is a process devstack did not start. {@code stackStopping}: nothing is
 * restarted or started any more.
 */
record Life(Phase phase, int restarts, int streak, boolean started, boolean completed, Readiness readiness,
            boolean adopted, boolean stackStopping, OptionalInt exitCode) {

    /** Where the `ready:` check of the current run is. */
    enum Readiness {
        WAITING,
        PASSED,
        GAVE_UP
    }

    static Life initial() {
        return new Life(new Phase.Pending(new ServiceDetail.None()), 0, 0, false, false, Readiness.WAITING, false,
                false, OptionalInt.empty());
    }
}
