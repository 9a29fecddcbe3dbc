package dev.devstack.supervisor.model;

import java.util.ArrayList;
import java.util.List;

/** The English words for what a reload did, as the stack's output and the dashboard say it. */
public final class ReloadText {

    private ReloadText() {
    }

    /**
     * What it did in one line (what started, stopped and restarted), or why nothing changed in a
     * first line followed by one line per problem (with its file:line:column) or detail.
     */
    public static List<String> lines(ReloadOutcome outcome) {
        List<String> lines = new ArrayList<>();
        if (outcome instanceof ReloadOutcome.Applied applied) {
            lines.add(applied(applied));
        } else if (outcome instanceof ReloadOutcome.Invalid invalid) {
            lines.add(summary(invalid));
            invalid.problems().forEach(problem -> lines.add(problem.toString()));
        } else {
            ReloadOutcome.Refused refused = (ReloadOutcome.Refused) outcome;
            lines.add(refused.reason());
            lines.addAll(refused.details());
        }
        return lines;
    }

    private static String applied(ReloadOutcome.Applied applied) {
        if (applied.nothingChanged()) {
            return "nothing changed (" + applied.unchanged().size() + " unchanged)";
        }
        List<String> parts = new ArrayList<>();
        if (!applied.started().isEmpty()) {
            parts.add("starting " + String.join(", ", applied.started()));
        }
        if (!applied.stopped().isEmpty()) {
            parts.add("stopping " + String.join(", ", applied.stopped()));
        }
        if (!applied.restarted().isEmpty()) {
            parts.add("restarting " + String.join(", ", applied.restarted()));
        }
        parts.add(applied.unchanged().size() + " unchanged");
        return String.join("; ", parts);
    }

    private static String summary(ReloadOutcome.Invalid invalid) {
        int count = invalid.problems().size();
        return "the configuration has " + (count == 1 ? "1 problem" : count + " problems") + "; nothing changed";
    }
}
