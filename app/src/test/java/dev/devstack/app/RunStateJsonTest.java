package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.model.StackPhase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RunStateJsonTest {

    private static final RunState STATE = new RunState("shop", "default", 4242, 1_700_000_000_000L, StackPhase.RUNNING,
            List.of(new RunState.Service("web", "ready", OptionalLong.of(4300), OptionalLong.of(4301),
                            List.of(new RunState.Port("", 3000, "as configured"), new RunState.Port("admin", 3001,
                                    "same as last time")), "pid 4300"),
                    new RunState.Service("worker", "pending", OptionalLong.empty(), OptionalLong.empty(), List.of(), "")));

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        byte[] written = RunStateJson.write(STATE);

        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"schema_version\" : 2").doesNotContain("\"schema\"");
        assertThat(RunStateJson.read(written)).isEqualTo(STATE);
    }

    @Test
    void aVersionOneFileOfAnOlderUpStillReads() throws IOException {
        String older = """
                {
                  "schema" : 1,
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
                """;

        assertThat(RunStateJson.read(older.getBytes(StandardCharsets.UTF_8))).isEqualTo(STATE);
    }

    @Test
    void aVersionItDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> RunStateJson.read("{\"schema_version\": 3, \"supervisor\": {\"pid\": 1, \"start\": 1}}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }
}
