package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import java.time.Duration;

/** What {@link Lifecycle#next} asks to be done, in order; the {@link EffectExecutor} does it. */
sealed interface Effect {

    /** Its new state, told as an event (with its new detail). */
    record Publish(ServiceState state, ServiceDetail detail) implements Effect {
    }

    /** A new detail without a new state, told as a notice too. */
    record Explain(ServiceDetail detail) implements Effect {
    }

    /** Launch a new run (or adopt the earlier run `up --adopt` found). */
    record Launch() implements Effect {
    }

    /** Take the plan the stack has for it now (a reload changed it), for its next run. */
    record Replan() implements Effect {
    }

    /** Let go of the ports held for it while it does not run. */
    record ReleasePorts() implements Effect {
    }

    record CancelTimers() implements Effect {
    }

    record Schedule(Input.Timer timer, Duration delay) implements Effect {
    }

    /** To its group and every process it started (an adopted process alone). */
    record SignalGroup(Signal signal) implements Effect {
    }

    record RunStopCommand() implements Effect {
    }

    /** Tell the process tracker what to follow of the run (again, after it started stopping). */
    record Track() implements Effect {
    }

    /** Kill and forget what is left of the run that ended (its lifeline watcher, children left behind). */
    record EndRemaining() implements Effect {
    }

    /** Its command exited 0: look for a daemon it left running, which would be the service from now on. */
    record LookForDaemon() implements Effect {
    }

    /** Start its `ready:` check. */
    record WatchReadiness() implements Effect {
    }

    /** Run its `health:` check once more, after {@code inARow} failures in a row. */
    record WatchHealth(int inARow) implements Effect {
    }

    /** The adopted process ended, and how is not known. */
    record TellAdoptedEnded() implements Effect {
    }

    /** A one-shot task failed: repeat its last lines. */
    record TellLastLines() implements Effect {
    }

    /** The stop command failed ({@code finding}); {@code signal} was sent instead. */
    record TellStopCommandFailed(String finding, Signal signal) implements Effect {
    }

    /** A user's request makes no sense in its state. */
    record Refuse(Refusal refusal, ServiceState state) implements Effect {
    }

    /** Its failure ends the stack (`exit_on_failure`); {@code ended} says how it ended. */
    record FailStack(ServiceDetail ended) implements Effect {
    }

    /** What it blocked waits for it again. */
    record RequeueBlocked() implements Effect {
    }

    /** Start what may start now, block what never will. */
    record Advance() implements Effect {
    }

    /** The stack is stopping: stop what may stop now, and finish when nothing is left. */
    record Proceed() implements Effect {
    }

    /** Why a user's request was refused. */
    enum Refusal {
        /** It is started (or stopped) already. */
        ALREADY,
        /** It is between two states; asked again in a moment, it will do. */
        NOT_NOW,
        /** It has no process. */
        NO_PROCESS
    }
}
