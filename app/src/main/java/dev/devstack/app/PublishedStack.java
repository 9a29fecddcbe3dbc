package dev.devstack.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.detect.JdkProcessTable;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A running stack's snapshot, the pid of the devstack that runs it and where its HTTP API answers:
 * as its control socket sends them, or as that devstack last wrote them to run.json ({@link #read}).
 */
public record PublishedStack(StackSnapshot snapshot, long supervisorPid, Optional<String> apiUrl) {

    /**
     * run.json (version 3: the snapshot itself) while the devstack that wrote it lives: what
     * `status` shows when the control socket does not answer.
     */
    public static Optional<PublishedStack> read(ProjectContext context) {
        RunStateFile file = new RunStateFile(context.stateDir());
        Optional<RunState> state = file.read().filter(s -> s.instance().equals(context.instance()))
                .filter(s -> new JdkProcessTable().isAlive(s.supervisorPid(), s.supervisorStart()));
        if (state.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode document = new ObjectMapper().readTree(Files.readAllBytes(file.path()));
            if (document.path("schema_version").asInt() != RunStateJson.SCHEMA_VERSION) {
                return Optional.empty();
            }
            return Optional.of(new PublishedStack(StackSnapshotJson.read(document), state.get().supervisorPid(),
                    state.get().apiUrl()));
        } catch (IOException replacedMeanwhile) {
            return Optional.empty();
        }
    }
}
