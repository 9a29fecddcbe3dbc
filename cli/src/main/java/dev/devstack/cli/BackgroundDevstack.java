package dev.devstack.cli;

import dev.devstack.store.FilePermissions;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The devstack that `up -d` (or `agent start`) leaves running: this very java, with this JVM's options and this jar
 * (or class path), in a session of its own (util-linux `setsid`, so that no terminal's hangup
 * reaches it and it has no terminal to read), stdin from /dev/null and its output appended to
 * its log ({@code .devstack/logs/devstack.log}, {@code $DEVSTACK_HOME/agent.log}). Started from a JVM, the child is never a process-group
 * leader, so setsid execs java in place instead of forking: the pid is the new devstack's.
 */
final class BackgroundDevstack {

    private final Process process;
    private final Path log;
    private final long logStart;

    private BackgroundDevstack(Process process, Path log, long logStart) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /** Starts {@code devstack ARGS} in {@code workDir}, with this process's environment, appending to {@code log}. */
    static BackgroundDevstack start(Path workDir, Path log, List<String> args) throws IOException {
        return start(workDir, log, List.of(), args);
    }

    /** The same, without the JVM options {@code leftOut} (a long-lived agent wants the optimising compiler). */
    static BackgroundDevstack start(Path workDir, Path log, List<String> leftOut, List<String> args)
            throws IOException {
        FilePermissions.createPrivateDirectory(log.getParent().getParent());
        FilePermissions.createPrivateDirectory(log.getParent());
        try (var created = FilePermissions.openPrivate(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            created.force(false);
        }
        long start = Files.size(log);
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(thisJvm(leftOut));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        return new BackgroundDevstack(process, log, start);
    }

    /** java, its options but {@code leftOut}, and what runs devstack: {@code -jar devstack.jar}, or the class path and Main. */
    private static List<String> thisJvm(List<String> leftOut) {
        List<String> jvm = new ArrayList<>();
        jvm.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(option -> !leftOut.contains(option))
                .forEach(jvm::add);
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            jvm.addAll(List.of("-jar", classPath));
        } else {
            jvm.addAll(List.of("-cp", classPath, Main.class.getName()));
        }
        return jvm;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Its exit code, once it has ended. */
    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Its exit code if it ends within {@code wait}. */
    Optional<Integer> awaitExit(Duration wait) throws InterruptedException {
        process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        return exitCode();
    }

    /** The last {@code count} lines it wrote to its log in this run. */
    List<String> tail(int count) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.min(logStart, file.length());
            byte[] bytes = new byte[(int) Math.min(file.length() - from, 64 * 1024)];
            file.seek(file.length() - bytes.length);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return lines.isEmpty() ? List.of("(nothing yet)") : lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of("(" + log + " cannot be read: " + e.getMessage() + ")");
        }
    }
}
