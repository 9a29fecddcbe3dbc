package dev.devstack.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** What a command runs in: working folder, environment, home, output streams and whether stdout is a terminal. */
record CliContext(Path workingDir, Map<String, String> environment, Path userHome, PrintStream out, PrintStream err,
                  Clock clock, boolean terminal) {

    static CliContext fromSystem() {
        Map<String, String> environment = System.getenv();
        boolean terminal = System.console() != null && !"dumb".equals(environment.get("TERM"));
        return new CliContext(Path.of("").toAbsolutePath(), environment, Path.of(System.getProperty("user.home")),
                System.out, System.err, Clock.systemDefaultZone(), terminal);
    }

    /** Colours on a terminal, unless NO_COLOR is set (https://no-color.org). */
    boolean colour() {
        String noColour = environment.get("NO_COLOR");
        return terminal && (noColour == null || noColour.isEmpty());
    }
}
