package dev.devstack.supervisor.run;

import java.util.List;
import java.util.Set;

/**
 * The argument vector that starts a service: {@code setsid} makes it the leader of a new
 * session and process group (pid = pgid), {@code env --default-signal=PIPE} undoes the ignored
 * SIGPIPE that the JVM passes on, and {@code sh -c} runs the script below. A simple command is
 * started with {@code exec} so that the service itself is the group leader; a compound one
 * (pipes, lists, control flow) keeps its shell, which dies with the group.
 *
 * <p>The lifeline: the script's stdin is a pipe whose write end only the supervisor holds. The
 * script moves it to a watcher ({@code devstack-lifeline}) and gives the service /dev/null
 * instead. When the supervisor dies, even by SIGKILL, the watcher reads end-of-file and ends the
 * group: SIGTERM, and SIGKILL a second later. The watcher holds none of the service's pipes and
 * ignores SIGTERM; the supervisor ends it with the rest of the group when the service ends.
 */
final class ShellCommand {

    /** How long the lifeline waits between SIGTERM and SIGKILL once the supervisor is gone. */
    static final int LIFELINE_GRACE_SECONDS = 1;

    private static final String LIFELINE = "exec 3<&0 </dev/null\n"
            + "sh -c 'trap \"\" INT TERM HUP; while read -r _; do :; done; kill -TERM 0; sleep "
            + LIFELINE_GRACE_SECONDS + "; kill -KILL 0' devstack-lifeline <&3 >/dev/null 2>&1 &\n"
            + "exec 3<&-\n";

    private static final Set<String> RESERVED = Set.of("if", "for", "while", "until", "case", "{", "(", "!", "function",
            "select", "[[", "time", "exec", "cd", "export", "set", "source", ".");

    private ShellCommand() {
    }

    static List<String> argv(String command) {
        return List.of("setsid", "env", "--default-signal=PIPE", "sh", "-c", script(command));
    }

    static String script(String command) {
        return LIFELINE + (isSimple(command) ? "exec " + command : command);
    }

    /** No unquoted control operator, and not starting with a keyword or builtin that exec cannot run. */
    static boolean isSimple(String command) {
        String trimmed = command.strip();
        String first = trimmed.split("\\s+", 2)[0];
        if (RESERVED.contains(first) || first.contains("=") || first.isEmpty()) {
            return false;
        }
        char quote = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (";&|()\n`".indexOf(c) >= 0 || (c == '$' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '(')) {
                return false;
            }
        }
        return quote == 0;
    }
}
