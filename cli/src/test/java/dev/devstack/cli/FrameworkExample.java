package dev.devstack.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One of examples/ copied into a temporary folder, its npm packages installed there, for a test to
 * bring up. A framework that is not installed skips the test, naming what to install (`.ci/run`
 * installs them all).
 */
final class FrameworkExample {

    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();
    /** Debian's packages are importable only by Debian's python, not by one from pyenv earlier on PATH. */
    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration NPM_CI = Duration.ofMinutes(3);
    private static final Set<String> NOT_COPIED = Set.of("node_modules", ".devstack", "__pycache__");

    private FrameworkExample() {
    }

    /** Skips the test unless Debian's python3 imports each of {@code modules}. */
    static void needPython(String... modules) {
        for (String module : modules) {
            assumeTrue(succeeds(List.of(PYTHON, "-c", "import " + module)), PYTHON + " cannot import " + module
                    + ": install Debian's python3-" + module + " (apt-get install python3-" + module + ")");
        }
    }

    /** Skips the test unless node and npm run. */
    static void needNode() {
        for (String program : List.of("node", "npm")) {
            assumeTrue(succeeds(List.of(program, "--version")), program + " is missing: install Debian's nodejs"
                    + " and npm (apt-get install nodejs npm)");
        }
    }

    /** examples/NAME copied into {@code into}, with `npm ci` run in {@code npmFolder} of it, if given. */
    static Path prepare(String name, Path into, String... npmFolder) {
        Path copy = into.resolve(name);
        copyTree(REPO.resolve("examples").resolve(name), copy);
        for (String folder : npmFolder) {
            npmCi(copy.resolve(folder));
        }
        return copy;
    }

    private static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (NOT_COPIED.contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void npmCi(Path folder) {
        try {
            Path log = Files.createTempFile("npm-ci", ".txt");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
                    .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = npm.waitFor(NPM_CI.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
            }
            if (!done || npm.exitValue() != 0) {
                throw new AssertionError("npm ci in " + folder + (done ? " failed" : " took longer than "
                        + NPM_CI.toSeconds() + " s") + ":\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException notThere) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
