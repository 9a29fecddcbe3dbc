package dev.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The built devstack.jar run as a user runs it, in its own process, through the checkout's
 * `./devstack` launcher when that launcher runs this very jar. Signal dispositions are reset
 * to the defaults (`env --default-signal`), so a Ctrl-C test does not depend on how the build was
 * started. Closing it kills devstack and every service group it recorded, whatever happened.
 */
final class DevstackProcess implements AutoCloseable {

    record Result(int exitCode, String out, String err) {
    }

    private static final Path JAR = Path.of(System.getProperty("devstack.jar", "target/devstack.jar"));
    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();
    /**
     * With {@code -Dcoverage.children=true}: the coverage agent this JVM runs with (JaCoCo), for the
     * devstack it starts, so that what the commands run is measured too; each appends its data to
     * the same file as it exits ({@code up} ends with _exit(2) and adds nothing, see ImmediateExit).
     * Off by default: the agent costs every devstack start about a second (the JVM then hands it
     * every class it loads, also those of its class-data archive), which doubled these tests' time.
     */
    private static final List<String> COVERAGE_AGENT = Boolean.getBoolean("devstack.coverage.children")
            ? ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(argument -> argument.startsWith("-javaagent:") && argument.contains("jacoco")).toList()
            : List.of();
    /**
     * The launcher, when it runs the jar under test and no coverage agent is asked for: it starts
     * devstack with the JVM options and the class-data archive a user's runs get, which halves the
     * start-up of each of the hundreds of devstack JVMs these tests start (~1 s of CPU each without).
     * Its training of the archive for a new jar is done once, here, before any test's deadline runs.
     */
    private static final List<String> RUN_JAR = launcher().orElseGet(() -> {
        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        java.addAll(COVERAGE_AGENT);
        java.addAll(List.of("-jar", JAR.toString()));
        return List.copyOf(java);
    });

    private final Process process;
    private final Path dir;
    private final Path out;
    private final Path err;
    /** What it printed, kept when it is closed and its files deleted. */
    private String closedOut;
    private String closedErr;

    private DevstackProcess(Process process, Path dir, Path out, Path err) {
        this.process = process;
        this.dir = dir;
        this.out = out;
        this.err = err;
    }

    /** The jar under test. */
    static Path jar() {
        return JAR.toAbsolutePath();
    }

    static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM,HUP"));
        command.addAll(RUN_JAR);
        command.addAll(args);
        return command;
    }

    private static Optional<List<String>> launcher() {
        Path launcher = REPO.resolve("devstack");
        if (!COVERAGE_AGENT.isEmpty() || !Files.isExecutable(launcher)
                || !REPO.resolve("cli/target/devstack.jar").equals(JAR.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        try {
            Process training = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!training.waitFor(5, TimeUnit.MINUTES) || training.exitValue() != 0) {
                training.destroyForcibly();
                throw new AssertionError(launcher + " --version did not end with 0 within 5 minutes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + launcher + " trained its class-data archive", e);
        }
        return Optional.of(List.of(launcher.toString()));
    }

    static DevstackProcess start(Path dir, Path home, String... args) {
        return start(dir, home, Map.of(), args);
    }

    /** With {@code extra} in its environment besides DEVSTACK_HOME ({@code BROWSER}, say). */
    static DevstackProcess start(Path dir, Path home, Map<String, String> extra, String... args) {
        try {
            Path logs = Files.createTempDirectory("devstack-it");
            Path out = logs.resolve("out.txt");
            Path err = logs.resolve("err.txt");
            ProcessBuilder builder = new ProcessBuilder(command(List.of(args))).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment(builder.environment(), home);
            builder.environment().putAll(extra);
            return new DevstackProcess(builder.start(), dir, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** `devstack ports --json` of a project, read. */
    static JsonNode ports(Path dir, Path home) {
        Result result = InProcessDevstack.run(dir, home, "ports", "--json");
        try {
            return new ObjectMapper().readTree(result.out());
        } catch (IOException e) {
            throw new AssertionError(result.err(), e);
        }
    }

    /** Runs a command that ends by itself and returns what it printed. */
    static Result run(Path dir, Path home, String... args) {
        try (DevstackProcess devstack = start(dir, home, args)) {
            return devstack.awaitExit(Duration.ofSeconds(60));
        }
    }

    static void environment(Map<String, String> environment, Path home) {
        environment.put("DEVSTACK_HOME", home.toString());
        environment.remove("NO_COLOR");
    }

    long pid() {
        return process.pid();
    }

    void signal(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Result awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("devstack did not exit within " + timeout.toSeconds() + "s; output:\n" + out()
                        + "\nerrors:\n" + err());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Result(process.exitValue(), out(), err());
    }

    boolean alive() {
        return process.isAlive();
    }

    synchronized String out() {
        return closedOut != null ? closedOut : read(out);
    }

    synchronized String err() {
        return closedErr != null ? closedErr : read(err);
    }

    /** Waits until devstack has printed {@code text}. */
    void awaitOutput(String text, Duration timeout) {
        Await.until(timeout, "devstack to print \"" + text + "\"; so far:\n" + out(), () -> out().contains(text));
    }

    /** The service pids this process published in .devstack/run.json, if it is the `up` running there. */
    List<Long> servicePids() {
        List<Long> pids = new ArrayList<>();
        try {
            JsonNode state = new ObjectMapper().readTree(read(dir.resolve(".devstack/run.json")));
            if (state.path("supervisor").path("pid").asLong() != process.pid()) {
                return pids;
            }
            for (JsonNode service : state.path("services")) {
                if (service.path("pid").isNumber()) {
                    pids.add(service.path("pid").asLong());
                }
            }
        } catch (IOException unreadable) {
            // nothing published (yet)
        }
        return pids;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        List<Long> groups = servicePids();
        process.destroyForcibly();
        groups.forEach(Processes::killGroup);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteOutputFiles();
    }

    /** Keeps what it printed in memory and deletes the files and their folder, so that runs leave nothing in /tmp. */
    private synchronized void deleteOutputFiles() {
        if (closedOut != null) {
            return;
        }
        closedOut = read(out);
        closedErr = read(err);
        try {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(out.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
