package dev.devstack.supervisor;

import dev.devstack.detect.ListeningProcess;
import dev.devstack.detect.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

/** Port refusals and conflicts in plain words: the one formatter for messages, the audit log and port reasons. */
public final class PortText {

    private PortText() {
    }

    /** "port 5432, which is in use by pid 1234 (postgres, user dev)". */
    public static String refusal(PortRefusal refusal) {
        String text = "port " + refusal.port() + ", which is " + blocker(refusal.blocker());
        if (refusal.earlierRun().isEmpty()) {
            return text;
        }
        PortRefusal.EarlierRun run = refusal.earlierRun().get();
        return run.endFailed()
                ? text + ", an earlier run of `" + run.service() + "` (" + run.evidence() + ") that devstack tried to end"
                : text + ", which looks like an earlier run of `" + run.service() + "` (" + run.evidence() + "); `devstack"
                        + " kill " + refusal.port() + "` ends it, `on_conflict: kill-own` does so every time, `up --adopt`"
                        + " keeps it";
    }

    private static String blocker(PortRefusal.Blocker blocker) {
        if (blocker instanceof PortRefusal.Leased leased) {
            return "leased to " + leased.owner().describe()
                    + (leased.pid().isPresent() ? " (pid " + leased.pid().getAsLong() + ")" : "");
        }
        if (blocker instanceof PortRefusal.InUse inUse) {
            return "in use by " + listener(inUse.listener());
        }
        if (blocker instanceof PortRefusal.NotAllowed notAllowed) {
            return "not allowed for this user (" + notAllowed.reason() + ")";
        }
        return blocker instanceof PortRefusal.OtherService ? "given to another service of this stack"
                : "taken by another process a moment ago";
    }

    /** "pid 1234 (postgres, user dev)", or what is known of a process devstack cannot see. */
    private static String listener(PortRefusal.Listener listener) {
        if (listener instanceof PortRefusal.Seen seen) {
            return new ProcessInfo(seen.pid(), 0, seen.user(), seen.command()).describe();
        }
        if (listener instanceof PortRefusal.Hidden hidden) {
            return ListeningProcess.hidden(hidden.user(), hidden.otherUser());
        }
        return "a process devstack cannot see";
    }

    /** One line of the conflict message, with the next step. */
    public static String conflict(PortConflict conflict) {
        String label = conflict.portName().isEmpty() ? "`" + conflict.service() + "`"
                : "`" + conflict.service() + "` (" + conflict.portName() + ")";
        if (conflict instanceof PortConflict.Taken taken) {
            return label + " needs " + refusal(taken.refusal())
                    + (taken.killOwnDeclined() ? "; it is not an earlier run of `" + taken.service()
                            + "`, so on_conflict: kill-own left it alone" : "")
                    + ". Stop that process, or let devstack choose another port: `on_conflict: next` (the default) for `"
                    + taken.service() + "` in " + taken.source();
        }
        PortConflict.RangeFull full = (PortConflict.RangeFull) conflict;
        return label + " found no free port in the range " + full.range() + "; widen `range:` in " + full.source()
                + " or free some ports";
    }

    /** The headline over the conflict lines. */
    public static String summary(List<PortConflict> conflicts) {
        long full = conflicts.stream().filter(PortConflict.RangeFull.class::isInstance).count();
        long taken = conflicts.size() - full;
        List<String> parts = new ArrayList<>();
        if (taken > 0) {
            parts.add(taken == 1 ? "a port this stack insists on is taken" : taken + " ports this stack insists on are taken");
        }
        if (full > 0) {
            parts.add(full == 1 ? "a range has no free port left" : full + " ports found no free port in their range");
        }
        return String.join(", and ", parts);
    }
}
