package dev.devstack.detect;

import java.util.Optional;

/**
 * Who listens on a port. {@code process} is empty when devstack cannot see the process: another
 * user's ({@code otherUser}: Linux hides their pids) or one in another container or PID namespace.
 * Then only {@code user} is known.
 */
public record ListeningProcess(Listener listener, Optional<ProcessInfo> process, String user, boolean otherUser) {

    public String describe() {
        return process.map(ProcessInfo::describe).orElse(hidden(user, otherUser));
    }

    /** A listener devstack cannot see, in the words every message uses for one. */
    public static String hidden(String user, boolean otherUser) {
        return otherUser ? "a process of another user (" + user + "); its pid is hidden from you"
                : "a process of " + user + " that devstack cannot see (in another container or PID namespace?)";
    }
}
