package dev.devstack.supervisor.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The argument vector that starts a service: {@code setsid} makes it the leader of a new
 * session and process group (pid = pgid), {@code env --default-signal=PIPE} undoes the ignored
 * SIGPIPE that the JVM passes on, and {@code sh -c} runs the command. A simple command is
 * started with {@code exec} so that the service itself is the group leader; a compound one
 * (pipes, lists, control flow) keeps its shell, which dies with the group. A command of plain
 * words only, where the shell could expand or interpret nothing, and whose first word is an
 * executable file, runs without a shell: one exec and one shell start-up fewer per service.
 */
final class ShellCommand {

    private static final Pattern PLAIN_WORDS = Pattern.compile("[A-Za-z0-9_./:@%+,-]+(?: +[A-Za-z0-9_./:@%+,=-]+)*");

    private static final Set<String> RESERVED = Set.of("if", "for", "while", "until", "case", "{", "(", "!", "function",
            "select", "[[", "time", "exec", "cd", "export", "set", "source", ".");

    private ShellCommand() {
    }

    static List<String> argv(String command, Path cwd, Map<String, String> environment) {
        List<String> argv = new ArrayList<>(List.of("setsid", "env", "--default-signal=PIPE"));
        String trimmed = command.strip();
        List<String> words = List.of(trimmed.split(" +"));
        if (PLAIN_WORDS.matcher(trimmed).matches() && isSimple(trimmed)
                && isExecutable(words.get(0), cwd, environment.getOrDefault("PATH", ""))) {
            argv.addAll(words);
        } else {
            argv.addAll(List.of("sh", "-c", script(command)));
        }
        return List.copyOf(argv);
    }

    /** Whether {@code name} is an executable file, as exec would find it (builtins like `exit` are not). */
    private static boolean isExecutable(String name, Path cwd, String path) {
        if (name.contains("/")) {
            Path file = cwd.resolve(name);
            return Files.isRegularFile(file) && Files.isExecutable(file);
        }
        for (String dir : path.split(":", -1)) {
            Path file = (dir.isEmpty() ? cwd : cwd.resolve(dir)).resolve(name);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return true;
            }
        }
        return false;
    }

    static String script(String command) {
        return isSimple(command) ? "exec " + command : command;
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
