package dev.devstack.supervisor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.supervisor.PortRefusal;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ReadinessFinding;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.UnitDependency;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StackSnapshotJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.parse("2026-11-30T08:01:12.871Z");

    private static final StackSnapshot SNAPSHOT = new StackSnapshot("shop", "default", Instant.parse("2026-11-30T08:01:15.002Z"),
            StackPhase.RUNNING,
            List.of(
                    new ServiceSnapshot("web", ServiceState.READY, OptionalLong.of(28410), OptionalLong.of(28415),
                            List.of(20417, 24330), Optional.of(STARTED), OptionalInt.empty(), 0,
                            new ServiceDetail.Ready(new ReadinessFinding.PortAccepts(20417), Duration.ofMillis(310))),
                    new ServiceSnapshot("worker", ServiceState.BACKOFF, OptionalLong.empty(), OptionalLong.empty(), List.of(),
                            Optional.of(STARTED), OptionalInt.of(1), 3,
                            new ServiceDetail.RestartScheduled(new ExitDescription.Natural(1), 3, Duration.ofSeconds(4))),
                    new ServiceSnapshot("migrate", ServiceState.EXITED, OptionalLong.empty(), OptionalLong.empty(), List.of(),
                            Optional.of(STARTED), OptionalInt.of(0), 0, new ServiceDetail.Completed()),
                    new ServiceSnapshot("jobs", ServiceState.PENDING, OptionalLong.empty(), OptionalLong.empty(), List.of(26000),
                            Optional.empty(), OptionalInt.empty(), 0, new ServiceDetail.None())),
            List.of(
                    new PortAssignment("web", "", 20417, new AssignmentReason.Moved(new PortRefusal(3000,
                            new PortRefusal.InUse(new PortRefusal.Seen(99, "dev", "nginx: master process"))))),
                    new PortAssignment("web", "admin", 24330, new AssignmentReason.Automatic("20000-29999")),
                    new PortAssignment("jobs", "", 26000, new AssignmentReason.Sticky())));

    @Test
    void aWholeSnapshotComesBackAsTheSnapshotThatWasWritten() throws IOException {
        assertThat(StackSnapshotJson.read(written(SNAPSHOT))).isEqualTo(SNAPSHOT);
    }

    @Test
    void everyDetailAndEveryPortReasonComesBackInASnapshot() throws IOException {
        List<ServiceSnapshot> services = new ArrayList<>();
        for (ServiceDetail detail : JsonSamples.details()) {
            services.add(new ServiceSnapshot("s" + services.size(), ServiceState.STOPPED, OptionalLong.empty(),
                    OptionalLong.empty(), List.of(), Optional.empty(), OptionalInt.of(143), 1, detail));
        }
        List<PortAssignment> ports = new ArrayList<>();
        for (AssignmentReason reason : JsonSamples.reasons()) {
            ports.add(new PortAssignment("s0", "p" + ports.size(), 20000 + ports.size(), reason));
        }
        StackSnapshot every = new StackSnapshot("shop", "ci", STARTED, StackPhase.STOPPING, services, ports);

        assertThat(StackSnapshotJson.read(written(every))).isEqualTo(every);
    }

    @Test
    void aSnapshotInsideALargerMessageIsReadWhereItIsWithoutItsSchemaVersion() throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeBooleanField("ok", true);
            json.writeObjectFieldStart("snapshot");
            StackSnapshotJson.fields(json, SNAPSHOT);
            json.writeEndObject();
            json.writeEndObject();
        }

        assertThat(StackSnapshotJson.read(JSON.readTree(out.toString()).get("snapshot"))).isEqualTo(SNAPSHOT);
    }

    @Test
    void theFrontDoorComesBackAndASnapshotOfAnOlderStackWithoutOneHasNone() throws IOException {
        StackSnapshot withFrontDoor = new StackSnapshot(SNAPSHOT.project(), SNAPSHOT.instance(), SNAPSHOT.at(),
                SNAPSHOT.phase(), SNAPSHOT.services(), SNAPSHOT.ports(), Optional.of("web"));
        ObjectNode older = (ObjectNode) written(withFrontDoor);
        older.remove("front_door");

        assertThat(StackSnapshotJson.read(written(withFrontDoor))).isEqualTo(withFrontDoor);
        assertThat(written(SNAPSHOT).get("front_door").isNull()).isTrue();
        assertThat(StackSnapshotJson.read(older)).isEqualTo(SNAPSHOT);
    }

    @Test
    void theDependenciesComeBackAndASnapshotOfAnOlderStackWithoutThemHasNone() throws IOException {
        StackSnapshot withDependencies = new StackSnapshot(SNAPSHOT.project(), SNAPSHOT.instance(), SNAPSHOT.at(),
                SNAPSHOT.phase(), SNAPSHOT.services(), SNAPSHOT.ports(), Optional.empty(),
                List.of(new UnitDependency("web", "migrate", Condition.COMPLETED),
                        new UnitDependency("jobs", "web", Condition.READY),
                        new UnitDependency("jobs", "worker", Condition.STARTED)));
        JsonNode written = written(withDependencies);
        ObjectNode older = (ObjectNode) written.deepCopy();
        older.remove("dependencies");

        assertThat(written.get("dependencies").get(1).toString())
                .isEqualTo("{\"service\":\"jobs\",\"depends_on\":\"web\",\"condition\":\"ready\"}");
        assertThat(StackSnapshotJson.read(written)).isEqualTo(withDependencies);
        assertThat(StackSnapshotJson.read(older)).isEqualTo(SNAPSHOT);
    }

    @Test
    void fieldsANewerStackAddsAreIgnored() throws IOException {
        ObjectNode newer = (ObjectNode) written(SNAPSHOT);
        newer.put("uptime", 12.5);
        ((ObjectNode) newer.get("services").get(0)).put("cpu", 0.5);
        ((ObjectNode) newer.get("ports").get(0).get("reason")).put("since", "yesterday");

        assertThat(StackSnapshotJson.read(newer)).isEqualTo(SNAPSHOT);
    }

    @Test
    void aMissingOrWrongFieldIsAnErrorNamingItAndItsPlace() throws IOException {
        ObjectNode noRestarts = (ObjectNode) written(SNAPSHOT);
        ((ObjectNode) noRestarts.get("services").get(1)).remove("restarts");
        ObjectNode badFinding = (ObjectNode) written(SNAPSHOT);
        ((ObjectNode) badFinding.at("/services/0/detail/finding")).put("port", "20417");
        ObjectNode badState = (ObjectNode) written(SNAPSHOT);
        ((ObjectNode) badState.get("services").get(2)).put("state", "sleeping");
        ObjectNode unknownReason = (ObjectNode) written(SNAPSHOT);
        ((ObjectNode) unknownReason.at("/ports/2/reason")).put("kind", "lucky");
        ObjectNode noPorts = (ObjectNode) written(SNAPSHOT);
        noPorts.remove("ports");

        assertThatThrownBy(() -> StackSnapshotJson.read(noRestarts)).isInstanceOf(JsonMappingException.class)
                .hasMessage("snapshot.services[1]: missing field \"restarts\"");
        assertThatThrownBy(() -> StackSnapshotJson.read(badFinding))
                .hasMessage("snapshot.services[0].detail(ready).finding(port_accepts).port: expected an integer, got \"20417\"");
        assertThatThrownBy(() -> StackSnapshotJson.read(badState)).hasMessage("snapshot.services[2].state: expected one of "
                + "pending, blocked, starting, running, ready, unhealthy, exited, crashed, backoff, failed, stopping, stopped, "
                + "got \"sleeping\"");
        assertThatThrownBy(() -> StackSnapshotJson.read(unknownReason))
                .hasMessage("snapshot.ports[2].reason: unknown kind \"lucky\" of assignment_reason; this devstack knows "
                        + "adopted, automatic, inherited, moved, preferred, reclaimed, sticky (a newer devstack may have written it)");
        assertThatThrownBy(() -> StackSnapshotJson.read(noPorts)).hasMessage("snapshot: missing field \"ports\"");
        assertThatThrownBy(() -> StackSnapshotJson.read(null)).hasMessage("snapshot: expected an object, got nothing");
    }

    private static JsonNode written(StackSnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StackSnapshotJson.write(snapshot, out);
        return JSON.readTree(out.toByteArray());
    }
}
