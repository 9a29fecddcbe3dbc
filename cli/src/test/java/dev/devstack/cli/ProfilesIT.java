package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `up --profile` with the real launcher: which services a stack runs, in the background and on reload. */
class ProfilesIT {

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    @BeforeEach
    void project() {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  docs: { command: "%s", profiles: [tools] }
                """.formatted(service("--listen"), service("--listen")));
    }

    /** The services of the running stack, as it tells them (`status --json`: its snapshot). */
    private List<String> running() throws IOException {
        JsonNode stack = new ObjectMapper().readTree(InProcessDevstack.run(projectDir, home, "status", "--json").out());
        List<String> names = new ArrayList<>();
        stack.path("services").forEach(service -> names.add(service.path("name").asText()));
        return names;
    }

    @Test
    void aStackRunsItsServicesWithoutProfilesAndThoseOfTheProfilesChosenEvenAfterAReload() throws IOException {
        try (DetachedStack plain = new DetachedStack(projectDir, home)) {
            DevstackProcess.Result up = plain.up();
            assertThat(up.exitCode()).as(up.err()).isZero();
            assertThat(running()).containsExactly("api");
            assertThat(InProcessDevstack.run(projectDir, home, "down").exitCode()).isZero();
        }
        try (DetachedStack withTools = new DetachedStack(projectDir, home)) {
            DevstackProcess.Result up = withTools.up("--profile", "tools");
            assertThat(up.exitCode()).as(up.err()).isZero();
            assertThat(up.out()).contains("  api: ready", "  docs: ready");
            Files.writeString(projectDir.resolve("ports.yaml"), Files.readString(projectDir.resolve("ports.yaml"))
                    + "  more: { command: \"" + service("--listen") + "\", profiles: [extra] }\n");

            DevstackProcess.Result reload = InProcessDevstack.run(projectDir, home, "reload");

            assertThat(reload.exitCode()).as(reload.err()).isZero();
            assertThat(running()).as("the reload keeps the profiles `up` was given").containsExactly("api", "docs");
            assertThat(InProcessDevstack.run(projectDir, home, "down").exitCode()).isZero();
        }
    }

    @Test
    void anUnknownProfileIsAConfigurationErrorAndNothingStarts() {
        DevstackProcess.Result up = DevstackProcess.run(projectDir, home, "up", "--no-tui", "--profile", "tool");

        assertThat(up.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(up.err()).contains("--profile tool: no service of ports.yaml has that profile; did you mean `tools`?");
        assertThat(Files.exists(projectDir.resolve(".devstack/run.json"))).isFalse();
    }
}
