package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Processes;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `--instance NAME`: a second copy of one project folder's stack beside the first, with its own
 * sticky ports, state folder and socket, that every command reaches by the same option.
 */
class InstancesIT {

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @BeforeEach
    void project() {
        new TestProject(projectDir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--listen")));
    }

    private JsonNode status(String... instance) throws IOException {
        String[] args = new String[instance.length + 2];
        System.arraycopy(instance, 0, args, 0, instance.length);
        args[instance.length] = "status";
        args[instance.length + 1] = "--json";
        DevstackProcess.Result status = InProcessDevstack.run(projectDir, home, args);
        assertThat(status.exitCode()).as(status.err()).isZero();
        return new ObjectMapper().readTree(status.out());
    }

    private static int port(JsonNode snapshot) {
        return snapshot.path("services").get(0).path("ports").get(0).asInt();
    }

    @Test
    void twoInstancesOfOneFolderRunSideBySideEachWithItsOwnStickyPortStateAndStack() throws IOException {
        int firstPortOfTest;
        try (DetachedStack main = new DetachedStack(projectDir, home);
             DetachedStack test = new DetachedStack(projectDir, home, "test")) {
            assertThat(main.up().exitCode()).isZero();
            DevstackProcess.Result second = test.up();
            assertThat(second.exitCode()).as(second.err()).isZero();

            JsonNode ofMain = status();
            JsonNode ofTest = status("--instance", "test");
            assertThat(ofMain.path("instance").asText()).isEqualTo("default");
            assertThat(ofTest.path("instance").asText()).isEqualTo("test");
            assertThat(port(ofTest)).isNotEqualTo(port(ofMain));
            firstPortOfTest = port(ofTest);
            Path state = projectDir.resolve(".devstack/instances/test");
            assertThat(state.resolve("run.json")).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.getParent()))).isEqualTo("rwx------");

            DevstackProcess.Result down = InProcessDevstack.run(projectDir, home, "--instance", "test", "down");
            assertThat(down.exitCode()).as(down.err()).isZero();
            assertThat(Processes.alive(main.supervisor().orElseThrow())).as("the default instance runs on").isTrue();
            assertThat(InProcessDevstack.run(projectDir, home, "status", "--instance", "test").exitCode())
                    .isEqualTo(ExitCodes.NOT_RUNNING);

            assertThat(test.up().exitCode()).isZero();
            assertThat(port(status("--instance", "test"))).as("sticky for its instance").isEqualTo(firstPortOfTest);
            assertThat(InProcessDevstack.run(projectDir, home, "down", "--instance", "test").exitCode()).isZero();
            assertThat(InProcessDevstack.run(projectDir, home, "down").exitCode()).isZero();
        }
    }

    @Test
    void anInstanceNameThatCouldNotNameAFolderIsAUsageError() {
        DevstackProcess.Result up = InProcessDevstack.run(projectDir, home, "--instance", "../x", "status");

        assertThat(up.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(up.err()).contains("--instance ../x: an instance's name is 1 to 40 lower-case letters");
    }
}
