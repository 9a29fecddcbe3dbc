package dev.devstack.cli;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `./devstack` launcher in a checkout of its own: its class-data archive follows the jar when
 * the checkout moves or the jar is built again, a signal during its training is not lost, devstack
 * runs without an archive when none can be made, and what the launcher writes is private.
 */
class LauncherIT {

    private static final Path REPO = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize();

    /**
     * One checkout trained by its first launch, shared by the tests that only read what that
     * training left: a training is five devstack runs and a dump, ~7 s each time on two cores.
     */
    @TempDir
    static Path shared;
    private static Path trained;
    private static Run training;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void trainOneCheckout() throws Exception {
        trained = checkout(shared.resolve("trained"));
        training = run(List.of("./devstack", "--version"), trained, Map.of(), shared);
    }

    @Test
    void aCopiedCheckoutTrainsItsArchiveAgainSilentlyAndThenUsesIt() throws Exception {
        Path first = trained;
        assertThat(training.exitCode()).as(training.err()).isZero();
        assertThat(training.err()).isEmpty();
        assertThat(first.resolve("cli/target/devstack.jsa")).exists();

        Path copy = dir.resolve("copy");
        Files.createDirectories(copy.resolve("cli/target"));
        for (String file : List.of("devstack", "cli/target/devstack.jar", "cli/target/devstack.jsa",
                "cli/target/devstack.jsa.for")) {
            Files.copy(first.resolve(file), copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        FileTime jarTime = Files.getLastModifiedTime(copy.resolve("cli/target/devstack.jar"));
        Files.setLastModifiedTime(copy.resolve("cli/target/devstack.jsa"),
                FileTime.fromMillis(jarTime.toMillis() + 1000));

        Run moved = launch(copy, Map.of());

        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(moved.out()).startsWith("devstack ");
        assertThat(moved.err()).as("the archive of the first checkout is not offered to the JVM").isEmpty();
        assertThat(Files.readString(copy.resolve("cli/target/devstack.jsa.for")))
                .startsWith(copy.resolve("cli/target/devstack.jar").toString() + " ");
        Run shared = launch(copy, Map.of("DEVSTACK_JAVA_OPTS", "-Xshare:on"));
        assertThat(shared.exitCode()).as("-Xshare:on fails unless the archive maps: %s", shared.err()).isZero();
    }

    @Test
    void theArchiveIsTiedToOneSpellingOfThePath() throws Exception {
        Path checkout = trained;
        assertThat(training.exitCode()).as(training.err()).isZero();
        String recorded = Files.readString(checkout.resolve("cli/target/devstack.jsa.for"));

        Run dotted = run(List.of(checkout.resolve("cli/../devstack").toString(), "--version"), dir, Map.of());

        assertThat(dotted.exitCode()).as(dotted.err()).isZero();
        assertThat(Files.readString(checkout.resolve("cli/target/devstack.jsa.for"))).isEqualTo(recorded);
    }

    @Test
    void aSignalDuringTheTrainingEndsItAtOnceAndLeavesNoArchive() throws Exception {
        Path checkout = checkout(dir.resolve("interrupted"));
        Path archive = checkout.resolve("cli/target/devstack.jsa");
        Path dumping = dir.resolve("dumping");
        Path bin = fakeJava("touch '" + dumping + "'; exec python3 -c 'import time; time.sleep(600)' \"$@\"");
        ProcessBuilder builder = new ProcessBuilder("./devstack", "--version").directory(checkout.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("interrupted.txt").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process launcher = builder.start();
        try {
            Await.until(Duration.ofSeconds(60), "the training to be writing the archive", () -> Files.exists(dumping));
            new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid())).start().waitFor();

            assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).as("the launcher ends at once").isTrue();
            assertThat(launcher.exitValue()).isEqualTo(130);
            Await.until(Duration.ofSeconds(10), "no trainer left", () -> ProcessHandle.allProcesses().noneMatch(p ->
                    p.info().arguments().map(a -> String.join(" ", a).contains(archive.toString())).orElse(false)));
            assertThat(archive).doesNotExist();
            assertThat(checkout.resolve("cli/target/devstack.jsa.for")).doesNotExist();
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void aJarBuiltAgainByHandGetsANewArchiveAtItsFirstRun() throws Exception {
        Path checkout = checkout(dir.resolve("rebuilt"));
        assertThat(launch(checkout, Map.of()).exitCode()).isZero();
        Path jar = checkout.resolve("cli/target/devstack.jar");
        Path archive = checkout.resolve("cli/target/devstack.jsa");
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 60_000));
        Files.copy(DevstackProcess.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 30_000));

        Run rebuilt = launch(checkout, Map.of("DEVSTACK_JAVA_OPTS", "-Xshare:on"));

        assertThat(rebuilt.exitCode()).as("-Xshare:on fails unless the archive maps: %s", rebuilt.err()).isZero();
        assertThat(rebuilt.err()).as("the JVM took the archive as made for this jar").isEmpty();
        assertThat(Files.getLastModifiedTime(archive).toMillis()).isGreaterThan(now - 30_000);
    }

    @Test
    void withoutAnArchiveDevstackRunsAndTheTrainingIsNotTriedAgainForTheSameJar() throws Exception {
        Path checkout = checkout(dir.resolve("failed"));
        Path calls = dir.resolve("calls");
        Path bin = fakeJava("echo dump >> '" + calls + "'; exit 1");

        Run first = launch(checkout, Map.of("PATH", bin + ":" + System.getenv("PATH")));
        Run second = launch(checkout, Map.of("PATH", bin + ":" + System.getenv("PATH")));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("devstack ");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).startsWith("devstack ");
        assertThat(checkout.resolve("cli/target/devstack.jsa")).doesNotExist();
        assertThat(checkout.resolve("cli/target/devstack.jsa.failed")).exists();
        assertThat(Files.readAllLines(calls)).as("one training for this jar").hasSize(1);
    }

    @Test
    void theFilesTheLauncherWritesArePrivate() throws Exception {
        Path checkout = trained;
        assertThat(training.exitCode()).as(training.err()).isZero();

        for (String file : List.of("cli/target/devstack.jsa", "cli/target/devstack.jsa.for")) {
            assertThat(Files.getPosixFilePermissions(checkout.resolve(file))).as(file).contains(OWNER_READ)
                    .doesNotContainAnyElementsOf(PosixFilePermissions.fromString("---rwxrwx"));
        }
    }

    /**
     * A `java` first on the PATH that runs the real one, except for the step of the training that
     * writes the archive, where it runs {@code dumping} instead.
     */
    private Path fakeJava(String dumping) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(java, "#!/bin/sh\ncase \" $* \" in *\" -Xshare:dump \"*) " + dumping + " ;; esac\nexec '" + real
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return bin;
    }

    private static Path checkout(Path at) throws IOException {
        Files.createDirectories(at.resolve("cli/target"));
        Files.copy(REPO.resolve("devstack"), at.resolve("devstack"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(DevstackProcess.jar(), at.resolve("cli/target/devstack.jar"));
        return at;
    }

    private Run launch(Path checkout, Map<String, String> environment) throws Exception {
        return run(List.of("./devstack", "--version"), checkout, environment);
    }

    private Run run(List<String> command, Path in, Map<String, String> environment) throws Exception {
        return run(command, in, environment, dir);
    }

    /** Runs {@code command} in {@code in}; what it printed goes through files in {@code logs}. */
    private static Run run(List<String> command, Path in, Map<String, String> environment, Path logs) throws Exception {
        Path out = logs.resolve("out.txt");
        Path err = logs.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(in.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("DEVSTACK_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher to finish").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
