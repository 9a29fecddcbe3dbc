package dev.devstack.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a command runs in: working folder, environment, home, the standard streams and whether
 * they are a terminal (stdin and stdout both, TERM set and not dumb). The home folder is $HOME, as
 * for every Unix tool; Java's user.home comes from the password database instead.
 */
record CliContext(Path workingDir, Map<String, String> environment, Path userHome, InputStream in, PrintStream out,
                  PrintStream err, Clock clock, boolean terminal) {

    static CliContext fromSystem() {
        Map<String, String> environment = System.getenv();
        String term = environment.getOrDefault("TERM", "");
        boolean terminal = System.console() != null && !term.isEmpty() && !"dumb".equals(term);
        String home = environment.getOrDefault("HOME", "");
        return new CliContext(Path.of("").toAbsolutePath(), environment,
                Path.of(home.isEmpty() ? System.getProperty("user.home") : home),
                System.in, System.out, System.err, new LocalClock(), terminal);
    }

    /** devstack's own warnings: to stderr, prefixed. */
    Consumer<String> warnings() {
        return warning -> err.println("devstack: " + warning);
    }

    /** Colours on a terminal, unless NO_COLOR is set (https://no-color.org). */
    boolean colour() {
        String noColour = environment.get("NO_COLOR");
        return terminal && (noColour == null || noColour.isEmpty());
    }
}
