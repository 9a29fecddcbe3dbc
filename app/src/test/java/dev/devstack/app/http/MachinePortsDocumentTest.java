package dev.devstack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.app.view.PortLease;
import dev.devstack.app.view.PortProcess;
import dev.devstack.app.view.PortRow;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code GET /api/machine/ports}: this machine's rows with an empty host, another host's lease with its host. */
class MachinePortsDocumentTest {

    @Test
    void aRemoteLeaseIsARowWithItsHostItsUserAndItsLeaseAndNothingOfAProcess() throws IOException {
        List<PortRow> rows = List.of(
                new PortRow(4012, List.of("127.0.0.1"), Optional.of(new PortProcess(1240, "python3 api.py",
                        "pid 1240 (python3 api.py, user dev)")), OptionalLong.of(1240), "dev",
                        Optional.of(new PortLease("shop/api", true)), false, ""),
                PortRow.remote("ci-runner-7", 20410, "ci", new PortLease("claim \"ci-db\"", false)));

        JsonNode data = new ObjectMapper().readTree(new MachinePortsDocument(() -> rows).current()).path("data");

        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("host").asText()).isEmpty();
        assertThat(data.get(0).path("pid").asLong()).isEqualTo(1240);
        JsonNode remote = data.get(1);
        assertThat(remote.path("host").asText()).isEqualTo("ci-runner-7");
        assertThat(remote.path("port").asInt()).isEqualTo(20410);
        assertThat(remote.path("user").asText()).isEqualTo("ci");
        assertThat(remote.path("lease").path("owner").asText()).isEqualTo("claim \"ci-db\"");
        assertThat(remote.path("lease").path("this_project").asBoolean()).isFalse();
        assertThat(remote.path("addresses")).isEmpty();
        assertThat(remote.path("pid").isNull()).isTrue();
        assertThat(remote.path("conflict").asBoolean()).isFalse();
    }
}
