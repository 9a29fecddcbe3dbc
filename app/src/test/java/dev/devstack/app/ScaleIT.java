package dev.devstack.app;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.app.testing.LiveStack;
import dev.devstack.detect.ConnectProbe;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import dev.devstack.supervisor.testing.TestProject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `scale: 3`: three replicas, three listening ports, each with its replica index; dependents see them all. */
class ScaleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() {
        stack.close();
    }

    @Test
    void threeReplicasListenOnThreeDistinctPortsAndTheirDependentSeesAllOfThem() {
        TestProject project = stack.project().write("ports.yaml", """
                services:
                  api: { command: "%s", scale: 3 }
                  web: { command: "%s", depends_on: [api] }
                """.formatted(service("--dump api-$DEVSTACK_REPLICA.json --listen"), service("--dump web.json --listen")));
        UpSession session = stack.open(UpOptions.ALL);
        session.start();
        Supervisor supervisor = session.supervisor();

        Await.until(WAIT, "web ready after all three replicas", () -> supervisor.snapshot().service("web")
                .orElseThrow().state() == ServiceState.READY);

        Set<Integer> ports = new HashSet<>();
        for (int replica = 0; replica < 3; replica++) {
            ServiceSnapshot unit = supervisor.snapshot().service("api." + replica).orElseThrow();
            assertThat(unit.state()).isEqualTo(ServiceState.READY);
            ports.add(unit.ports().get(0));
            Map<String, String> env = project.environment("api-" + replica + ".json");
            assertThat(env).containsEntry("DEVSTACK_REPLICA", String.valueOf(replica))
                    .containsEntry("DEVSTACK_SERVICE", "api").containsEntry("PORT", String.valueOf(unit.ports().get(0)));
        }
        assertThat(ports).hasSize(3).allMatch(new ConnectProbe(200)::accepts);
        Map<String, String> web = project.environment("web.json");
        List<String> seen = List.of(web.get("API_PORTS").split(","));
        assertThat(seen).hasSize(3).map(Integer::valueOf).containsExactlyInAnyOrderElementsOf(ports);
        assertThat(web).containsEntry("API_PORT", seen.get(0));
    }
}
