package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.ForeignListener;
import dev.devstack.supervisor.testing.FreePorts;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack history`: the registry's audit log, written by the commands that change leases. */
class HistoryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path projectDir;

    private List<String> events(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("history", "--json"));
        all.addAll(List.of(args));
        JsonNode json = new ObjectMapper().readTree(InProcessDevstack.run(projectDir, home, all.toArray(String[]::new)).out());
        List<String> events = new ArrayList<>();
        for (JsonNode event : json.path("events")) {
            events.add(event.path("event").asText() + " " + event.path("port").asInt() + " " + event.path("owner").asText());
        }
        return events;
    }

    @Test
    void claimsMovesReleasesAndSweepsAreLoggedInOrderAndCanBeFilteredByPort() throws Exception {
        int first = Integer.parseInt(InProcessDevstack.run(projectDir, home, "claim", "--name", "a").out().strip());
        int second = Integer.parseInt(InProcessDevstack.run(projectDir, home, "claim", "--port", String.valueOf(first),
                "--name", "b").out().strip());
        InProcessDevstack.run(projectDir, home, "release", "--name", "a");
        int third = Integer.parseInt(InProcessDevstack.run(projectDir, home, "claim", "--name", "c", "--ttl", "1s")
                .out().strip());
        Await.until(WAIT, "gc to sweep the expired claim", () ->
                InProcessDevstack.run(projectDir, home, "gc").out().contains("port " + third));

        assertThat(events()).containsExactly("claim " + first + " claim \"a\"", "move " + second + " claim \"b\"",
                "release " + first + " claim \"a\"", "claim " + third + " claim \"c\"", "sweep " + third + " claim \"c\"");
        assertThat(events("--port", String.valueOf(first))).containsExactly("claim " + first + " claim \"a\"",
                "release " + first + " claim \"a\"");
        assertThat(events("--limit", "1")).containsExactly("sweep " + third + " claim \"c\"");

        DevstackProcess.Result table = InProcessDevstack.run(projectDir, home, "history", "--port", String.valueOf(second));
        assertThat(table.out()).startsWith("TIME").contains("move   " + second + "  claim \"b\"",
                "claimed instead: port " + first + " is leased to claim \"a\"");
    }

    @Test
    void upLogsItsClaimsAMovedPortAConflictAndItsReleaseAndKillIsLoggedToo() throws Exception {
        int wanted = FreePorts.next();
        try (ForeignListener stranger = ForeignListener.on(wanted)) {
            TestProject project = new TestProject(projectDir).write("ports.yaml", "services:\n  web:\n"
                    + "    command: sleep 300\n    port: " + wanted + "\n");
            try (DevstackProcess up = DevstackProcess.start(projectDir, home, "up", "--no-tui")) {
                up.awaitOutput("web: running", WAIT);
                up.signal("TERM");
                assertThat(up.awaitExit(WAIT).exitCode()).isZero();
            }
            project.write("ports.yaml", "services:\n  web:\n    command: sleep 300\n    port: " + wanted
                    + "\n    on_conflict: fail\n");
            assertThat(InProcessDevstack.run(projectDir, home, "up", "--no-tui").exitCode()).isEqualTo(3);
            DevstackProcess.Result kill = InProcessDevstack.run(projectDir, home, "kill", String.valueOf(wanted));
            assertThat(kill.exitCode()).as(kill.err()).isZero();
        }

        List<String> all = events();
        assertThat(all).as("the stack's HTTP API claims its port and gives it back like a service")
                .anyMatch(event -> event.startsWith("claim ") && event.endsWith(" @api of " + projectDir))
                .anyMatch(event -> event.startsWith("release ") && event.endsWith(" @api of " + projectDir));
        List<String> events = all.stream().filter(event -> !event.contains(" @api of ")).toList();
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).startsWith("move ").endsWith(" web of " + projectDir);
        assertThat(events.get(1)).startsWith("release ").endsWith(" web of " + projectDir);
        assertThat(events.get(2)).isEqualTo("conflict " + wanted + " " + projectDir);
        assertThat(events.get(3)).isEqualTo("kill " + wanted + " ");
        assertThat(InProcessDevstack.run(projectDir, home, "history", "--port", String.valueOf(wanted)).out())
                .contains("needs port " + wanted + ", which is in use by pid", "devstack kill: SIGTERM to ");
    }
}
