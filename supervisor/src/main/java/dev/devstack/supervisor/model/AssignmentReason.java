package dev.devstack.supervisor.model;

import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.PortText;

/** Why a port was chosen; shown by `check`, `up` and the dashboard. */
public sealed interface AssignmentReason {

    String describe();

    record Sticky() implements AssignmentReason {
        @Override
        public String describe() {
            return "same as last time";
        }
    }

    record Preferred() implements AssignmentReason {
        @Override
        public String describe() {
            return "as configured";
        }
    }

    /** The configured port could not be had; {@code refusal} names it and what holds it. */
    record Moved(PortRefusal refusal) implements AssignmentReason {
        @Override
        public String describe() {
            return "moved: " + PortText.refusal(refusal);
        }
    }

    /**
     * The configured port was held by an earlier run of the service ({@code on_conflict: kill-own}),
     * which devstack ended ({@code ended}), or would end when the stack starts (`check`).
     */
    record Reclaimed(String holder, String evidence, boolean ended) implements AssignmentReason {
        @Override
        public String describe() {
            return (ended ? "as configured; ended " : "as configured, after ending ") + holder
                    + ", an earlier run (" + evidence + ")";
        }
    }

    /**
     * An earlier run of the service already listens on its configured port, and `up --adopt` keeps
     * it: devstack starts no process of its own for the service until that one ends.
     */
    record Adopted(long pid, long startMillis, String holder, String evidence) implements AssignmentReason {
        @Override
        public String describe() {
            return "as configured; adopted " + holder + ", an earlier run (" + evidence + ")";
        }
    }

    record Automatic(String range) implements AssignmentReason {
        @Override
        public String describe() {
            return "free port from " + range;
        }
    }

    record Inherited(String from) implements AssignmentReason {
        @Override
        public String describe() {
            return "shared with " + from;
        }
    }
}
