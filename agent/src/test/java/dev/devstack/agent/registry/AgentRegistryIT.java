package dev.devstack.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.agent.socket.AgentSocket;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's socket with the registry behind it, on a real registry file, with many clients at once. */
class AgentRegistryIT {

    private static final int CLIENTS = 16;
    private static final int CLAIMS = 2_000;

    @TempDir
    Path home;

    private final AtomicInteger requests = new AtomicInteger();
    private AgentRegistry registry;
    private AgentSocket socket;

    private void start() throws Exception {
        registry = AgentRegistry.start(home, Clock.systemUTC(), warning -> { });
        socket = AgentSocket.open(AgentClient.socket(home), registry.handlers(), requests::incrementAndGet);
    }

    @AfterEach
    void stop() throws Exception {
        if (socket != null) {
            socket.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private AgentClient client() {
        return AgentClient.connect(home, "AgentRegistryIT").orElseThrow();
    }

    private static ObjectNode claim() {
        return JsonNodeFactory.instance.objectNode().put("request", "claim").put("range", "30000-44999");
    }

    @Test
    void concurrentClientsClaimTwoThousandPortsWithoutADuplicateAndEachIsInTheRegistryFile() throws Exception {
        start();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.path()))).isEqualTo("rw-------");
        List<Integer> ports = Collections.synchronizedList(new ArrayList<>());
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                all.add(pool.submit(() -> {
                    try (AgentClient client = client()) {
                        for (int i = 0; i < CLAIMS / CLIENTS; i++) {
                            long before = System.nanoTime();
                            JsonNode reply = client.request(claim());
                            nanos.add(System.nanoTime() - before);
                            ports.add(reply.path("port").asInt());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : all) {
                each.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - started;
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf("agent socket: %d claims from %d clients in %.2f s: %.0f claims/s, p50 %.2f ms, p99 %.2f ms%n",
                CLAIMS, CLIENTS, elapsed / 1e9, CLAIMS / (elapsed / 1e9), sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() * 99 / 100) / 1e6);

        assertThat(new HashSet<>(ports)).as("no port given twice").hasSize(CLAIMS);
        assertThat(requests.get()).as("every hello and claim reached the socket").isEqualTo(CLAIMS + CLIENTS);
        stop();
        socket = null;
        registry = null;
        Set<Integer> held = new HashSet<>();
        ManualLeases.of(home, Clock.systemUTC(), warning -> { }).leases().forEach(l -> held.add(l.lease().port()));
        assertThat(held).as("every claim answered is in the registry file").containsAll(ports);
    }

    @Test
    void aSecondAgentOnTheSocketIsRefusedAndAStaleSocketIsReplaced() throws Exception {
        start();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> AgentSocket.open(socket.path(), Map.of(),
                () -> { }))).isInstanceOfSatisfying(DevstackException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.ALREADY_RUNNING);
                    assertThat(e.getMessage()).contains("already answers on " + socket.path());
                });
        Path path = socket.path();
        socket.close();
        Files.createFile(path);
        socket = AgentSocket.open(path, registry.handlers(), requests::incrementAndGet);
        try (AgentClient client = client()) {
            assertThat(client.request(JsonNodeFactory.instance.objectNode().put("request", "leases"))
                    .path("leases").isArray()).isTrue();
        }
    }

    @Test
    void aRefusalCarriesItsWordsAndCategoryAndTheConnectionGoesOn() throws Exception {
        start();
        try (AgentClient client = client()) {
            AgentClient.Refused refused = (AgentClient.Refused) org.assertj.core.api.Assertions.catchThrowable(() ->
                    client.request(JsonNodeFactory.instance.objectNode().put("request", "claim").put("range", "9-1")));
            assertThat(refused.failure().category()).isEqualTo(ErrorCategory.INVALID_CONFIG);
            assertThat(refused.getMessage()).contains("\"range\" must be FIRST-LAST");
            AgentClient.Refused unknown = (AgentClient.Refused) org.assertj.core.api.Assertions.catchThrowable(() ->
                    client.request(JsonNodeFactory.instance.objectNode().put("request", "nope")));
            assertThat(unknown.getMessage()).contains("unknown request \"nope\"").contains("claim, leases, release, who");
            JsonNode claimed = client.request(claim().put("name", "ci-db"));
            JsonNode who = client.request(JsonNodeFactory.instance.objectNode().put("request", "who")
                    .put("port", claimed.path("port").asInt()));
            assertThat(who.path("who").path("lease").path("service").asText()).isEqualTo("ci-db");
            JsonNode released = client.request(JsonNodeFactory.instance.objectNode().put("request", "release")
                    .put("name", "ci-db"));
            assertThat(released.path("removed").get(0).path("port").asInt()).isEqualTo(claimed.path("port").asInt());
        }
    }
}
