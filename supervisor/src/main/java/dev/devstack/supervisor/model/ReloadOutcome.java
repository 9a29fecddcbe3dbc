package dev.devstack.supervisor.model;

import dev.devstack.supervisor.ConfigProblem;
import java.util.List;

/** What a reload (or a change of scale) of a running stack did, or why it did nothing. */
public sealed interface ReloadOutcome {

    /**
     * The difference is being applied: the units named in {@code started} were added and are
     * starting, those in {@code stopped} were removed and are stopping (the stack forgets them once
     * they have ended), those in {@code restarted} changed and start again with their new
     * configuration; {@code unchanged} keep running as they are. The outcome comes as soon as all
     * of it is set going, not once it is done: the events tell the rest.
     */
    record Applied(List<String> started, List<String> stopped, List<String> restarted, List<String> unchanged)
            implements ReloadOutcome {
        public Applied {
            started = List.copyOf(started);
            stopped = List.copyOf(stopped);
            restarted = List.copyOf(restarted);
            unchanged = List.copyOf(unchanged);
        }

        /** Nothing was started, stopped or restarted. */
        public boolean nothingChanged() {
            return started.isEmpty() && stopped.isEmpty() && restarted.isEmpty();
        }
    }

    /** The configuration is not valid: nothing changed. Every problem, with its file, line and column. */
    record Invalid(List<ConfigProblem> problems) implements ReloadOutcome {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /**
     * The configuration is valid but could not be applied, and nothing changed: the stack is
     * stopping, a new port cannot be had, the service to scale does not exist. {@code reason} says
     * what and what to do; {@code details}, one line each, what it found (each port conflict, say).
     */
    record Refused(String reason, List<String> details) implements ReloadOutcome {
        public Refused {
            details = List.copyOf(details);
        }
    }
}
