package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.agent.registry.AgentRegistry;
import dev.devstack.agent.socket.AgentHandler;
import dev.devstack.agent.socket.AgentSocket;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.supervisor.ErrorCategory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack claim` and `release` go through a running agent, and work the same without one. */
class ClaimThroughAgentIT {

    @TempDir
    Path home;
    @TempDir
    Path dir;

    private DevstackProcess.Result devstack(String... args) {
        return InProcessDevstack.run(dir, home, args);
    }

    @Test
    void claimAndReleaseUseTheAgentWhenItAnswersAndTheRegistryWhenItDoesNot() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        DevstackProcess.Result claimed;
        DevstackProcess.Result again;
        DevstackProcess.Result conflict;
        try (AgentRegistry registry = AgentRegistry.start(home, Clock.systemUTC(), warning -> { })) {
            Map<String, AgentHandler> handlers = new HashMap<>();
            registry.handlers().forEach((name, handler) -> handlers.put(name, request -> {
                seen.add(name + " " + request.path("name").asText(""));
                return handler.answer(request);
            }));
            try (AgentSocket socket = AgentSocket.open(AgentClient.socket(home), handlers, () -> { })) {
                claimed = devstack("claim", "--name", "ci-db", "--range", "32000-32999");
                again = devstack("claim", "--name", "ci-db");
                conflict = devstack("claim", "--range", claimed.out().strip() + "-" + claimed.out().strip());
            }
        }

        assertThat(claimed.exitCode()).as(claimed.err()).isZero();
        assertThat(claimed.out()).matches("3\\d{4}\\n");
        assertThat(seen).as("the claims reached the agent").contains("claim ci-db");
        assertThat(again.err()).contains("\"ci-db\" already holds port " + claimed.out().strip() + "; it keeps it");
        assertThat(conflict.exitCode()).as("a conflict through the agent exits as without it")
                .isEqualTo(ExitCodes.of(ErrorCategory.PORT_CONFLICT));
        assertThat(conflict.err()).contains("no free port to claim").contains("is leased to claim \"ci-db\"");

        int seenBefore = seen.size();
        DevstackProcess.Result cold = devstack("claim", "--name", "ci-db");
        DevstackProcess.Result released = devstack("release", "--name", "ci-db");
        DevstackProcess.Result none = devstack("release", "--name", "ci-db");

        assertThat(cold.out()).as("without the agent, the registry it wrote").isEqualTo(claimed.out());
        assertThat(released.out()).isEqualTo("released port " + claimed.out().strip() + " (claim \"ci-db\")\n");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(seen).hasSize(seenBefore);
    }
}
