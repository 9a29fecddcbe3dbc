package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.model.AssignmentReason;
import dev.devstack.supervisor.model.PortAssignment;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunStateJsonTest {

    private static final RunState STATE = new RunState("shop", "default", 4242, 1_700_000_000_000L, StackPhase.RUNNING,
            List.of(new RunState.Service("web", "ready", OptionalLong.of(4300), OptionalLong.of(4301),
                            List.of(new RunState.Port("", 3000, "as configured"), new RunState.Port("admin", 3001,
                                    "same as last time")), "pid 4300"),
                    new RunState.Service("worker", "pending", OptionalLong.empty(), OptionalLong.empty(), List.of(), "")),
            Optional.empty());

    @Test
    void aSnapshotWrittenAsVersionThreeReadsBackAsTheStateOtherCommandsNeed() throws IOException {
        StackSnapshot snapshot = new StackSnapshot("shop", "default", Instant.parse("2026-11-30T08:00:00Z"),
                StackPhase.RUNNING, List.of(
                        new ServiceSnapshot("web", ServiceState.READY, OptionalLong.of(4300), OptionalLong.of(4301),
                                List.of(3000, 3001), Optional.of(Instant.parse("2026-11-30T07:59:58Z")), OptionalInt.empty(),
                                0, new ServiceDetail.Started(4300)),
                        new ServiceSnapshot("worker", ServiceState.PENDING, OptionalLong.empty(), OptionalLong.empty(),
                                List.of(), Optional.empty(), OptionalInt.empty(), 0, new ServiceDetail.None())),
                List.of(new PortAssignment("web", "", 3000, new AssignmentReason.Preferred()),
                        new PortAssignment("web", "admin", 3001, new AssignmentReason.Sticky())));

        byte[] written = RunStateJson.write(snapshot, 4242, 1_700_000_000_000L, Optional.of("http://127.0.0.1:24609"));

        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"schema_version\" : 3", "\"listener_pid\" : 4301",
                "\"kind\" : \"started\"", "\"api_url\" : \"http://127.0.0.1:24609\"");
        assertThat(RunStateJson.read(written)).isEqualTo(new RunState(STATE.project(), STATE.instance(),
                STATE.supervisorPid(), STATE.supervisorStart(), STATE.phase(), STATE.services(),
                Optional.of("http://127.0.0.1:24609")));
        assertThat(RunStateJson.read(RunStateJson.write(snapshot, 4242, 1_700_000_000_000L, Optional.empty())))
                .as("a stack without an API, and a run.json of an up older than the API").isEqualTo(STATE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"schema\" : 1", "\"schema_version\" : 2"})
    void aFileOfAnOlderUpStillReads(String version) throws IOException {
        String older = """
                {
                  %s,
                  "project" : "shop",
                  "instance" : "default",
                  "supervisor" : { "pid" : 4242, "start" : 1700000000000 },
                  "phase" : "running",
                  "services" : [ {
                    "name" : "web", "state" : "ready", "pid" : 4300, "listener" : 4301,
                    "ports" : [ { "name" : "", "port" : 3000, "reason" : "as configured" },
                                { "name" : "admin", "port" : 3001, "reason" : "same as last time" } ],
                    "detail" : "pid 4300"
                  }, {
                    "name" : "worker", "state" : "pending", "pid" : null, "ports" : [ ], "detail" : ""
                  } ]
                }
                """.formatted(version);

        assertThat(RunStateJson.read(older.getBytes(StandardCharsets.UTF_8))).isEqualTo(STATE);
    }

    @Test
    void aVersionItDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> RunStateJson.read("{\"schema_version\": 4, \"supervisor\": {\"pid\": 1, \"start\": 1}}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }
}
