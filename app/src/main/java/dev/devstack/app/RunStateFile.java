package dev.devstack.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.store.FilePermissions;
import dev.devstack.supervisor.model.StackPhase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads and writes {@code .devstack/run.json}; a write replaces the file atomically, so readers never see half of one. */
public final class RunStateFile {

    static final int SCHEMA = 1;
    private static final String FILE = "run.json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    public RunStateFile(Path stateDir) {
        this.dir = stateDir;
    }

    public Path path() {
        return dir.resolve(FILE);
    }

    public void write(RunState state) throws IOException {
        FilePermissions.createPrivateDirectory(dir);
        Path temporary = dir.resolve(FILE + "." + state.supervisorPid() + ".tmp");
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(encode(state));
        try (FileChannel channel = FilePermissions.openPrivate(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes));
        }
        Files.move(temporary, path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The state last written, if the file is there and readable. */
    public Optional<RunState> read() {
        try {
            return Optional.of(decode(json.readTree(Files.readString(path(), StandardCharsets.UTF_8))));
        } catch (IOException | RuntimeException missingOrDamaged) {
            return Optional.empty();
        }
    }

    /** Removes the file if it still describes the given supervisor. */
    public void deleteIfOwnedBy(long supervisorPid) {
        read().filter(state -> state.supervisorPid() == supervisorPid).ifPresent(state -> {
            try {
                Files.deleteIfExists(path());
            } catch (IOException ignored) {
                // a stale file is recognised by its dead supervisor pid
            }
        });
    }

    private ObjectNode encode(RunState state) {
        ObjectNode root = json.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("project", state.project());
        root.put("instance", state.instance());
        root.putObject("supervisor").put("pid", state.supervisorPid()).put("start", state.supervisorStart());
        root.put("phase", state.phase().word());
        ArrayNode services = root.putArray("services");
        for (RunState.Service service : state.services()) {
            ObjectNode node = services.addObject();
            node.put("name", service.name());
            node.put("state", service.state());
            if (service.pid().isPresent()) {
                node.put("pid", service.pid().getAsLong());
            } else {
                node.putNull("pid");
            }
            if (service.listener().isPresent()) {
                node.put("listener", service.listener().getAsLong());
            }
            ArrayNode ports = node.putArray("ports");
            for (RunState.Port port : service.ports()) {
                ports.addObject().put("name", port.name()).put("port", port.port()).put("reason", port.reason());
            }
            node.put("detail", service.detail());
        }
        return root;
    }

    private static RunState decode(JsonNode root) {
        if (root.path("schema").asInt() != SCHEMA) {
            throw new IllegalArgumentException("unknown run.json schema");
        }
        List<RunState.Service> services = new ArrayList<>();
        for (JsonNode node : root.path("services")) {
            List<RunState.Port> ports = new ArrayList<>();
            for (JsonNode port : node.path("ports")) {
                ports.add(new RunState.Port(port.path("name").asText(), port.path("port").asInt(),
                        port.path("reason").asText()));
            }
            services.add(new RunState.Service(node.path("name").asText(), node.path("state").asText(),
                    number(node.path("pid")), number(node.path("listener")), ports, node.path("detail").asText()));
        }
        StackPhase phase = root.path("phase").isTextual() ? StackPhase.of(root.path("phase").asText()) : StackPhase.RUNNING;
        return new RunState(root.path("project").asText(), root.path("instance").asText(),
                root.path("supervisor").path("pid").asLong(), root.path("supervisor").path("start").asLong(), phase,
                services);
    }

    private static OptionalLong number(JsonNode node) {
        return node.isNumber() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
    }
}
