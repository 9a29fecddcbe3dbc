package dev.devstack.cli;

import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devstack.store.etcd.testing.EtcdServer;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.testing.TestProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * Two devstacks on one real etcd, each a host of its own (DEVSTACK_HOST,
 * and a DEVSTACK_HOME of its own): what one claims, the other's `ports --all`, `who` and `history`
 * show, in text and in JSON valid against its schema, marked remote with the first one's host,
 * while the first one shows it as its own; and the web dashboard of a stack on one host shows the
 * other host's claim, marked remote.
 */
class RemoteLeasesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs/schema");

    @TempDir
    static Path etcdFolder;
    static EtcdServer etcd;

    @TempDir
    Path alphaHome;
    @TempDir
    Path betaHome;
    @TempDir
    Path dir;

    /** A namespace of each test's own, so that one test's leases and events are not another's. */
    private String registry;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.running(etcdFolder);
    }

    @AfterAll
    static void stopEtcd() {
        etcd.kill();
    }

    @BeforeEach
    void namespace() {
        registry = "etcd://127.0.0.1:" + etcd.clientPort() + "/views-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aClaimOnOneHostIsRemoteWithItsHostInTheOtherHostsPortsAllWhoAndHistory() throws Exception {
        DevstackProcess.Result claimed = on("alpha", alphaHome, "claim", "--name", "ci-db");
        assertThat(claimed.exitCode()).as(claimed.err()).isZero();
        int port = Integer.parseInt(claimed.out().strip());
        String user = System.getProperty("user.name");

        DevstackProcess.Result table = ok(on("beta", betaHome, "ports", "--all"));
        List<String> lines = table.out().lines().toList();
        int remote = lines.indexOf("Remote, on other hosts (etcd://127.0.0.1:" + etcd.clientPort() + " (namespace "
                + registry.substring(registry.lastIndexOf('/') + 1) + ")):");
        assertThat(remote).as(table.out()).isPositive();
        assertThat(lines.get(remote + 1)).matches("HOST +PORT +OWNER +USER");
        assertThat(lines.get(remote + 2).split(" {2,}")).containsExactly("alpha", String.valueOf(port), "claim \"ci-db\"",
                user);
        assertThat(lines.subList(0, remote)).as("beta's own table").noneMatch(line -> line.contains("ci-db"));

        JsonNode all = valid("ports-all.schema.json", ok(on("beta", betaHome, "ports", "--all", "--json")).out());
        assertThat(all.path("remote")).hasSize(1);
        JsonNode lease = all.path("remote").get(0);
        assertThat(lease.path("host").asText()).isEqualTo("alpha");
        assertThat(lease.path("port").asInt()).isEqualTo(port);
        assertThat(lease.path("owner").asText()).isEqualTo("claim \"ci-db\"");
        assertThat(lease.path("service").asText()).isEqualTo("ci-db");
        assertThat(lease.path("user").asText()).isEqualTo(user);
        assertThat(all.path("ports")).noneMatch(row -> row.path("port").asInt() == port && !row.path("lease").isNull());

        DevstackProcess.Result who = on("beta", betaHome, "who", String.valueOf(port));
        assertThat(who.exitCode()).as("nothing listens on beta: " + who.err()).isEqualTo(1);
        assertThat(who.out()).isEqualTo("nothing listens on port " + port + "\n"
                + "  remote    claim \"ci-db\" on host alpha (user " + user + ", until released)\n");
        JsonNode whoJson = valid("who.schema.json", on("beta", betaHome, "who", String.valueOf(port), "--json").out());
        assertThat(whoJson.path("lease").isNull()).isTrue();
        assertThat(whoJson.path("remote").get(0).path("host").asText()).isEqualTo("alpha");
        assertThat(whoJson.path("remote").get(0).path("port").asInt()).isEqualTo(port);

        List<String> history = ok(on("beta", betaHome, "history")).out().lines().toList();
        assertThat(history.get(0)).matches("TIME +HOST +EVENT +PORT +OWNER +PID +DETAIL");
        assertThat(history).anySatisfy(line -> assertThat(line.split(" {2,}"))
                .containsSubsequence("alpha", "claim", String.valueOf(port), "claim \"ci-db\""));
        JsonNode events = valid("history.schema.json", ok(on("beta", betaHome, "history", "--json")).out()).path("events");
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("host").asText()).isEqualTo("alpha");
            assertThat(event.path("event").asText()).isEqualTo("claim");
            assertThat(event.path("port").asInt()).isEqualTo(port);
        });

        JsonNode own = JSON.readTree(ok(on("alpha", alphaHome, "ports", "--all", "--json")).out());
        assertThat(own.path("remote")).as("alpha's own claim is not remote to alpha").isEmpty();
        assertThat(own.path("ports")).anySatisfy(row -> {
            assertThat(row.path("port").asInt()).isEqualTo(port);
            assertThat(row.path("lease").path("service").asText()).isEqualTo("ci-db");
        });
        JsonNode ownHistory = JSON.readTree(ok(on("alpha", alphaHome, "history", "--json")).out()).path("events");
        assertThat(ownHistory).isNotEmpty().allSatisfy(event -> assertThat(event.path("host").asText()).isEmpty());
        assertThat(ok(on("alpha", alphaHome, "history")).out().lines().findFirst().orElseThrow()).doesNotContain("HOST");

        ok(on("alpha", alphaHome, "release", "--name", "ci-db"));
        assertThat(JSON.readTree(ok(on("beta", betaHome, "ports", "--all", "--json")).out()).path("remote")).isEmpty();
        assertThat(ok(on("beta", betaHome, "ports", "--all")).out()).doesNotContain("Remote");
    }

    @Test
    void theWebDashboardsPortsTabShowsTheOtherHostsClaimMarkedRemote() throws Exception {
        new TestProject(dir).write("ports.yaml", "services:\n  api: { command: \"%s\" }\n"
                .formatted(service("--print api-up --http")));
        try (BackgroundUp stack = BackgroundUp.start(dir, alphaHome, host("alpha"), "api ready",
                s -> s.state() == ServiceState.READY);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            DevstackProcess.Result claimed = ok(on("beta", betaHome, "claim", "--name", "beta-db"));
            int port = Integer.parseInt(claimed.out().strip());
            DevstackProcess.Result web = DevstackProcess.start(dir, alphaHome, host("alpha"), "web", "--no-open", "--json")
                    .awaitExit(WAIT);
            DashboardPage page = new DashboardPage(chromium).open(JSON.readTree(ok(web).out()).path("url").asText());

            page.find("#tab-ports").click();

            String row = "table#machine-ports tr[data-remote='true'][data-host='beta'][data-port='" + port + "']";
            WebElement remote = chromium.await(WAIT, () -> row + " in " + page.find("#machine-ports").getText(),
                    driver -> chromium.all(row).stream().findFirst().orElse(null));
            assertThat(remote.getText()).contains("remote: beta", "claim \"beta-db\"", System.getProperty("user.name"));
            assertThat(page.find("#machine-note").getText()).contains("1 leased on other hosts (remote)");
            assertThat(chromium.all("table#machine-ports tr[data-remote='true']")).hasSize(1);
        }
    }

    private Map<String, String> host(String name) {
        return Map.of("DEVSTACK_HOST", name, "DEVSTACK_REGISTRY", registry);
    }

    /** Runs the built launcher as host {@code name}, with its own home, on the test's team registry. */
    /**
     * A command of host {@code name}, in this JVM: each command is the jar's own code path, and a
     * dozen of them in processes of their own cost half a minute of CI (`up` runs in its own process).
     */
    private DevstackProcess.Result on(String name, Path home, String... args) {
        return InProcessDevstack.run(dir, home, host(name), args);
    }

    /** The document, once it is valid against its schema in docs/schema/. */
    private static JsonNode valid(String schemaFile, String text) throws IOException {
        JsonNode document = JSON.readTree(text);
        try (InputStream schema = Files.newInputStream(SCHEMAS.resolve(schemaFile))) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(document)).as(text + " against " + schemaFile).isEmpty();
        }
        return document;
    }

    private static DevstackProcess.Result ok(DevstackProcess.Result result) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return result;
    }
}
