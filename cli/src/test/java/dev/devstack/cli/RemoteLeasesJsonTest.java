package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devstack.app.MachinePortsReport;
import dev.devstack.app.WhoReport;
import dev.devstack.app.json.HistoryJson;
import dev.devstack.app.json.MachinePortsJson;
import dev.devstack.app.json.WhoReportJson;
import dev.devstack.store.Lease;
import dev.devstack.store.LeaseOwner;
import dev.devstack.store.RegistryEvent;
import dev.devstack.store.RemoteLease;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The JSON of `ports --all`, `who` and `history` with a team registry's leases and events of other
 * hosts: each field of a remote lease and an event's host, and each document valid against its schema.
 */
class RemoteLeasesJsonTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("devstack.repo", "..")).toAbsolutePath().normalize()
            .resolve("docs/schema");
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private static final RemoteLease CI_DB = new RemoteLease("ci-runner-7", new Lease(LeaseOwner.manual("ci-db"), 20410,
            0, 0, "ci", NOW.minusSeconds(600), Optional.of(NOW.plusSeconds(600))));
    private static final RemoteLease ANA_WEB = new RemoteLease("build-2",
            new Lease(new LeaseOwner("/home/ana/web", "default", "web", "admin"), 5173, 7702, 1, "ana", NOW));

    @Test
    void portsAllHasARemoteArrayWithEachOtherHostsLeaseWhole() throws IOException {
        JsonNode json = valid("ports-all.schema.json", out -> MachinePortsJson.print(
                new MachinePortsReport(List.of(), List.of(ANA_WEB, CI_DB), "etcd://127.0.0.1:2379 (namespace t)"), out));

        assertThat(json.path("ports")).isEmpty();
        JsonNode web = json.path("remote").get(0);
        assertThat(web.path("host").asText()).isEqualTo("build-2");
        assertThat(web.path("port").asInt()).isEqualTo(5173);
        assertThat(web.path("user").asText()).isEqualTo("ana");
        assertThat(web.path("owner").asText()).isEqualTo("web/web.admin");
        assertThat(web.path("project_path").asText()).isEqualTo("/home/ana/web");
        assertThat(web.path("port_name").asText()).isEqualTo("admin");
        assertThat(web.path("devstack_pid").asLong()).isEqualTo(7702);
        assertThat(web.path("claimed_at").asText()).isEqualTo(NOW.toString());
        assertThat(web.path("expires_at").isNull()).isTrue();
        JsonNode db = json.path("remote").get(1);
        assertThat(db.path("host").asText()).isEqualTo("ci-runner-7");
        assertThat(db.path("owner").asText()).isEqualTo("claim \"ci-db\"");
        assertThat(db.path("service").asText()).isEqualTo("ci-db");
        assertThat(db.path("expires_at").asText()).isEqualTo(NOW.plusSeconds(600).toString());
    }

    @Test
    void whoHasTheOtherHostsLeasesOfThePort() throws IOException {
        JsonNode json = valid("who.schema.json", out -> WhoReportJson.print(
                new WhoReport(20410, List.of(), Optional.empty(), false, List.of(CI_DB)), out));
        JsonNode alone = valid("who.schema.json", out -> WhoReportJson.print(
                new WhoReport(20410, List.of(), Optional.empty(), false, List.of()), out));

        assertThat(json.path("lease").isNull()).isTrue();
        assertThat(json.path("remote")).hasSize(1);
        assertThat(json.path("remote").get(0).path("host").asText()).isEqualTo("ci-runner-7");
        assertThat(json.path("remote").get(0).path("port").asInt()).isEqualTo(20410);
        assertThat(alone.path("remote").isArray()).isTrue();
        assertThat(alone.path("remote")).isEmpty();
    }

    @Test
    void historyNamesTheHostOfAnotherHostsEventAndLeavesItEmptyForThisHosts() throws IOException {
        JsonNode json = valid("history.schema.json", out -> HistoryJson.print(List.of(
                new RegistryEvent(NOW, RegistryEvent.Kind.CLAIM, 20410, "claim \"ci-db\"", 0, "ci", "claimed", "ci-runner-7"),
                new RegistryEvent(NOW, RegistryEvent.Kind.RELEASE, 20411, "claim \"mine\"", 0, "dev", "released")), out));

        assertThat(json.path("events").get(0).path("host").asText()).isEqualTo("ci-runner-7");
        assertThat(json.path("events").get(1).path("host").asText()).isEmpty();
    }

    private static JsonNode valid(String schemaFile, Consumer<PrintStream> print) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            print.accept(out);
        }
        JsonNode document = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
        try (InputStream schema = Files.newInputStream(SCHEMAS.resolve(schemaFile))) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(document)).as(document + " against " + schemaFile).isEmpty();
        }
        return document;
    }
}
