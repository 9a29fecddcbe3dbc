package dev.devstack.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A devstack command run in this JVM, through the same entry point as the jar's main
 * ({@link Main#run}), with its own working folder, environment (DEVSTACK_HOME) and streams, and no
 * terminal. For the commands that end by themselves and leave the JVM as they found it: in a
 * process of their own they cost a JVM start each, and what they run would not be measured.
 * `up` and `run` handle signals and end the JVM they run in, and so does `logs -f` (Ctrl-C), so they
 * get a process of their own ({@link DevstackProcess}) unless only their help is asked for.
 */
final class InProcessDevstack {

    private static final Set<String> OWN_PROCESS = Set.of("up", "run");

    private InProcessDevstack() {
    }

    static DevstackProcess.Result run(Path dir, Path home, String... args) {
        return run(dir, home, Map.of(), args);
    }

    /** With {@code extra} in its environment besides DEVSTACK_HOME (a team registry's DEVSTACK_REGISTRY, say). */
    static DevstackProcess.Result run(Path dir, Path home, Map<String, String> extra, String... args) {
        List<String> arguments = List.of(args);
        boolean ownProcess = !arguments.isEmpty() && (OWN_PROCESS.contains(arguments.get(0))
                || "logs".equals(arguments.get(0)) && (arguments.contains("-f") || arguments.contains("--follow")));
        if (ownProcess && !arguments.contains("--help") && !arguments.contains("-h")) {
            try (DevstackProcess devstack = DevstackProcess.start(dir, home, extra, args)) {
                return devstack.awaitExit(Duration.ofSeconds(60));
            }
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        DevstackProcess.environment(environment, home);
        environment.putAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CliContext cli = new CliContext(dir.toAbsolutePath(), Map.copyOf(environment),
                    Path.of(environment.getOrDefault("HOME", System.getProperty("user.home"))),
                    new ByteArrayInputStream(new byte[0]), stdout, stderr, Clock.systemDefaultZone(), false);
            int exitCode = Main.run(cli, args);
            return new DevstackProcess.Result(exitCode, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        }
    }
}
