package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `up` ends with _exit(2), which skips the JVM's delete-on-exit: what it copied into the temporary folder must go anyway. */
class TemporaryFilesIT {

    @TempDir
    Path project;
    @TempDir
    Path home;
    @TempDir
    Path temporary;

    @Test
    void anUpThatEndsLeavesNoNativeLibraryItCopiedInTheTemporaryFolder() throws IOException {
        new TestProject(project).write("ports.yaml", """
                services:
                  once: { command: "true" }
                """);

        DevstackProcess.Result result;
        try (DevstackProcess up = DevstackProcess.start(project, home,
                Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temporary), "up", "--no-tui")) {
            result = up.awaitExit(Duration.ofSeconds(60));
        }

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("liblz4-java"));
        }
    }
}
