package dev.devstack.supervisor.run;

import java.util.List;
import java.util.Set;

/**
 * The argument vector that starts a service: {@code setsid} makes it the leader of a new
 * session and process group (pid = pgid), {@code env --default-signal} gives it every signal at
 * its default disposition and none blocked (the JVM passes on an ignored SIGPIPE and a blocked
 * SIGQUIT, and devstack itself may have been started with SIGINT ignored, as every background job
 * of a script is), and {@code sh -c} runs the script below. A simple command is started with
 * {@code exec} so that the service itself is the group leader; a compound one (pipes, lists,
 * control flow) or a shell builtin keeps its shell, which dies with the group.
 *
 * <p>The lifeline: the script's stdin is a pipe whose write end only the supervisor holds. The
 * script moves it to a watcher ({@code devstack-lifeline}) and gives the service its own input
 * instead: the read end of its {@link InputPipe}, opened by path (/dev/null if that cannot be
 * opened, said on its stderr, so in its log), or, for a {@code tty: true} service, its {@link PseudoTerminal} as stdin, stdout and
 * stderr, opened last so that the watcher never holds it. When the supervisor dies, even by SIGKILL, the watcher reads end-of-file and ends the
 * group: SIGTERM, and SIGKILL a second later. NuProcess also closes the pipe once the launched
 * process has ended, while something it left in the group may still be the service (a daemon);
 * so after end-of-file the watcher goes on while its parent is the supervisor (which, as a
 * subreaper, adopts it when the launched process ends), checking once a second. The watcher holds
 * none of the service's pipes and ignores SIGTERM; the supervisor ends it with the rest of the
 * group when the service ends.
 */
final class ShellCommand {

    /** How long the lifeline waits between SIGTERM and SIGKILL once the supervisor is gone. */
    static final int LIFELINE_GRACE_SECONDS = 1;

    /** The lifeline watcher's name ($0), by which it is told from the service's own processes. */
    static final String LIFELINE_NAME = "devstack-lifeline";

    private static final String LIFELINE = "sh -c 'trap \"\" INT TERM HUP; while read -r _; do :; done; "
            + "while read -r _ _ _ parent _ </proc/$$/stat && [ \"$parent\" = " + ProcessHandle.current().pid()
            + " ]; do sleep 1; done; kill -TERM 0; sleep " + LIFELINE_GRACE_SECONDS + "; kill -KILL 0' "
            + LIFELINE_NAME + " <&3 >/dev/null 2>&1 &\n"
            + "exec 3<&-\n";

    /**
     * Words that only the shell understands: keywords, and the builtins that have no program of
     * the same name ({@code exec exit 1} fails with "exit: not found"). Builtins that also exist
     * as programs ({@code echo}, {@code test}, {@code kill}, {@code true}) may be exec'd.
     */
    private static final Set<String> SHELL_ONLY = Set.of(
            "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in", "{", "}",
            "(", "!", "function", "select", "[[", "time", "coproc",
            ".", ":", "alias", "bg", "break", "cd", "chdir", "command", "continue", "eval", "exec", "exit", "export",
            "fc", "fg", "getopts", "hash", "jobs", "local", "read", "readonly", "return", "set", "shift", "source",
            "times", "trap", "type", "ulimit", "umask", "unalias", "unset", "wait");

    private ShellCommand() {
    }

    /** Whether the process is a service's lifeline watcher. */
    static boolean isLifeline(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().arguments())
                .filter(arguments -> arguments.length == 3 && LIFELINE_NAME.equals(arguments[2])).isPresent();
    }

    /** How the script gives the service its input. */
    sealed interface Stdin {
        /** A pipe's read end, by its path under /proc. */
        record Pipe(String path) implements Stdin {
        }

        /** A terminal, by its path under /dev/pts: stdin, stdout and stderr, and the controlling terminal. */
        record Terminal(String path) implements Stdin {
        }
    }

    static List<String> argv(String command, Stdin input) {
        return List.of("setsid", "env", "--default-signal", "sh", "-c", script(command, input));
    }

    /** A helper command (a check, a stop command): the shell with default signal handling, no lifeline. */
    static List<String> plain(String command) {
        return List.of("env", "--default-signal", "sh", "-c", command);
    }

    static String script(String command, Stdin input) {
        String begin = input instanceof Stdin.Pipe pipe
                ? "exec 3<&0; { command exec <" + pipe.path() + "; } 2>/dev/null || { echo '" + noPipe(pipe) + "' >&2;"
                        + " exec </dev/null; }\n"
                : "exec 3<&0 </dev/null\n";
        String end = input instanceof Stdin.Terminal terminal ? "exec 0<>" + terminal.path() + " >&0 2>&0\n" : "";
        return begin + LIFELINE + end + (isSimple(command) ? "exec " + command : command);
    }

    /** What the service's log says when its input pipe cannot be opened, so that nobody types into it unaware. */
    static String noPipe(Stdin.Pipe pipe) {
        return "devstack: no input pipe for this service (" + pipe.path() + " could not be opened), so its input is"
                + " /dev/null: typed lines cannot reach it; restart it to try again";
    }

    /** No unquoted control operator, and not starting with a keyword or a builtin that exec cannot run. */
    static boolean isSimple(String command) {
        String trimmed = command.strip();
        String first = trimmed.split("\\s+", 2)[0];
        if (SHELL_ONLY.contains(first) || first.contains("=") || first.isEmpty()) {
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
