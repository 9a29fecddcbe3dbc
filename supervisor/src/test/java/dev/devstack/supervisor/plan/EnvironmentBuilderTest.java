package dev.devstack.supervisor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentBuilderTest {

    @TempDir
    Path dir;

    private List<ServicePlan> plans;
    private int apiPort;

    @BeforeEach
    void build() throws IOException {
        Files.writeString(dir.resolve(".env"), "SECRET=from-dotenv\nAPI_URL=https://override.example\n");
        Files.writeString(dir.resolve("ports.yaml"), """
                project: shop
                services:
                  api:
                    command: ./api --port ${api.port} --metrics ${api.ports.metrics}
                    port: 3000
                    ports: { metrics: 3001 }
                  web-ui:
                    command: ./web --api ${api.url} --host ${api.host} --token ${env.TOKEN}
                    port: 3002
                    env: { UPSTREAM: "${api.url}/v1", SECRET: from-env-key }
                  ws:
                    command: ./ws
                    inherit_port: api
                  worker:
                    command: ./worker
                    port: none
                  repl:
                    command: python3 -i
                    port: none
                    tty: true
                  dumb:
                    command: python3 -i
                    port: none
                    tty: true
                    env: { TERM: dumb }
                """);
        Map<String, String> user = Map.of("HOME", "/home/dev", "PORT", "9999", "TOKEN", "t0k", "TERM", "screen");
        StackConfig config = new ConfigLoader(user).load(dir);
        PortPlan ports = new PortPlanner(new FakeProbe(), port -> new PortRefusal.Unseen(), EarlierRuns.NONE)
                .plan(config, "default", new MemoryRegistry(), lease -> true, false);
        plans = new EnvironmentBuilder(user, OptionalInt.empty()).build(config, "default", ports);
        apiPort = ports.api().orElseThrow().port();
    }

    private ServicePlan plan(String name) {
        return plans.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyServiceSeesItsOwnPortsAndThoseOfTheWholeStack() {
        Map<String, String> env = plan("api").environment();
        assertThat(env).containsEntry("PORT", "3000").containsEntry("PORT_METRICS", "3001")
                .containsEntry("API_PORT", "3000").containsEntry("API_HOST", "127.0.0.1")
                .containsEntry("API_PORT_METRICS", "3001")
                .containsEntry("WEB_UI_PORT", "3002").containsEntry("WEB_UI_URL", "http://127.0.0.1:3002")
                .containsEntry("WS_PORT", "3000")
                .containsEntry("DEVSTACK_PROJECT", "shop").containsEntry("DEVSTACK_SERVICE", "api")
                .containsEntry("DEVSTACK_INSTANCE", "default")
                .containsEntry("DEVSTACK_API_URL", "http://127.0.0.1:" + apiPort)
                .containsEntry("HOME", "/home/dev")
                .doesNotContainKey("WORKER_PORT");
    }

    @Test
    void aTtyServiceIsToldItsTerminalIsAnXtermUnlessItsEnvSaysOtherwise() {
        assertThat(plan("repl").environment()).containsEntry("TERM", "xterm-256color");
        assertThat(plan("dumb").environment()).containsEntry("TERM", "dumb");
        assertThat(plan("worker").environment()).as("devstack's own terminal").containsEntry("TERM", "screen");
    }

    @Test
    void theEnvFileAndTheServicesOwnEnvOverrideWhatDevstackSets() {
        assertThat(plan("api").environment()).containsEntry("API_URL", "https://override.example")
                .containsEntry("SECRET", "from-dotenv");
        assertThat(plan("web-ui").environment()).containsEntry("SECRET", "from-env-key")
                .containsEntry("UPSTREAM", "http://127.0.0.1:3000/v1");
    }

    @Test
    void referencesInCommandsAreFilledIn() {
        assertThat(plan("api").command()).isEqualTo("./api --port 3000 --metrics 3001");
        assertThat(plan("web-ui").command()).isEqualTo("./web --api http://127.0.0.1:3000 --host 127.0.0.1 --token t0k");
    }

    @Test
    void aServiceWithoutAPortDoesNotInheritAPortFromTheUsersShell() {
        assertThat(plan("worker").environment()).doesNotContainKey("PORT").containsEntry("API_PORT", "3000");
        assertThat(plan("worker").ownPorts()).isEmpty();
    }

    @Test
    void theReplicaIndexIsGivenAndEveryServiceSeesAllPortsOfAService() {
        assertThat(plan("api").environment()).containsEntry("DEVSTACK_REPLICA", "0").containsEntry("API_PORTS", "3000");
    }

    @Test
    void anInheritedPortIsThePortButNotOneTheServiceListensOnItself() {
        assertThat(plan("ws").environment()).containsEntry("PORT", "3000");
        assertThat(plan("ws").ownPorts()).isEmpty();
        assertThat(plan("api").ownPorts()).containsExactly(3000, 3001);
    }

    @Test
    void withUrlsByNameEveryUrlIsTheServicesNameThroughTheAgentAndPortsStayPorts() throws IOException {
        Files.writeString(dir.resolve("ports.yaml"), """
                project: shop
                urls: names
                services:
                  api: { command: ./api, port: 3000 }
                  web:
                    command: ./web --api ${api.url} --api-port ${api.port}
                    port: 3002
                """);
        Files.delete(dir.resolve(".env"));
        StackConfig config = new ConfigLoader(Map.of()).load(dir);
        PortPlan ports = new PortPlanner(new FakeProbe(), port -> new PortRefusal.Unseen(), EarlierRuns.NONE)
                .plan(config, "default", new MemoryRegistry(), lease -> true, false);

        List<ServicePlan> named = new EnvironmentBuilder(Map.of(), OptionalInt.of(2080)).build(config, "default", ports);
        List<ServicePlan> feature = new EnvironmentBuilder(Map.of(), OptionalInt.of(2080)).build(config, "feature", ports);
        List<ServicePlan> withoutAgent = new EnvironmentBuilder(Map.of(), OptionalInt.empty()).build(config, "default",
                ports);

        assertThat(named.get(1).command()).isEqualTo("./web --api http://api.shop.localhost:2080 --api-port 3000");
        assertThat(named.get(1).environment()).containsEntry("API_URL", "http://api.shop.localhost:2080")
                .containsEntry("WEB_URL", "http://web.shop.localhost:2080").containsEntry("API_PORT", "3000")
                .containsEntry("PORT", "3002");
        assertThat(feature.get(0).environment()).containsEntry("API_URL", "http://api.feature.shop.localhost:2080");
        assertThat(withoutAgent.get(1).environment()).containsEntry("API_URL", "http://127.0.0.1:3000");
    }
}
