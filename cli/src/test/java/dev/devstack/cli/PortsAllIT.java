package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack ports --all`: the machine's listening ports and the registry's leases, from any folder. */
class PortsAllIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;
    @TempDir
    Path elsewhere;

    @Test
    void listsAForeignListenerAndTheLeasedPortsOfARunningStack() throws Exception {
        new TestProject(projectDir).write("ports.yaml", """
                services:
                  api: { command: "%s" }
                  idle: { command: "%s", ready: { log: up } }
                """.formatted(service("--listen"), service("--print up")));
        int foreignPort = FreePorts.next();
        try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up");
             ForeignListener foreign = ForeignListener.on(foreignPort)) {
            Await.until(WAIT, "both services", () -> up.servicePids().size() == 2);
            JsonNode json = Await.value(WAIT, "api listening in the list", () -> {
                try {
                    JsonNode all = new ObjectMapper().readTree(InProcessDevstack.run(elsewhere, home, "ports", "--all",
                            "--json").out());
                    for (JsonNode port : all.path("ports")) {
                        if (port.path("listening").asBoolean() && port.path("lease").path("service").asText().equals("api")) {
                            return all;
                        }
                    }
                    return null;
                } catch (Exception e) {
                    return null;
                }
            });
            JsonNode foreignRow = find(json, foreignPort);
            assertThat(foreignRow.path("pid").asLong()).isEqualTo(foreign.pid());
            assertThat(foreignRow.path("lease").isNull()).isTrue();
            JsonNode idle = null;
            for (JsonNode port : json.path("ports")) {
                if (port.path("lease").path("service").asText().equals("idle")) {
                    idle = port;
                }
            }
            assertThat(idle).isNotNull();
            assertThat(idle.path("listening").asBoolean()).isFalse();
            assertThat(idle.path("lease").path("devstack_pid").asLong()).isEqualTo(up.pid());
            assertThat(idle.path("lease").path("alive").asBoolean()).isTrue();

            DevstackProcess.Result table = InProcessDevstack.run(elsewhere, home, "ports", "--all");

            assertThat(table.exitCode()).isZero();
            assertThat(table.out()).startsWith("PORT  ")
                    .contains(projectDir.getFileName() + "/api (devstack pid " + up.pid() + ")")
                    .containsPattern(foreignPort + " +127\\.0\\.0\\.1 +" + foreign.pid() + " ");
        }
    }

    private static JsonNode find(JsonNode all, int port) {
        for (JsonNode row : all.path("ports")) {
            if (row.path("port").asInt() == port) {
                return row;
            }
        }
        throw new AssertionError("port " + port + " not in " + all);
    }
}
