package dev.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A stack `devstack up -d` left running in the background, for a test to end: `devstack down`,
 * then SIGKILL to its devstack and to every service group it was seen with, whatever happened.
 */
final class DetachedStack implements AutoCloseable {

    private final Path dir;
    private final Path home;
    private final List<String> instance;
    private final Path state;
    private final Set<Long> supervisors = new LinkedHashSet<>();
    private final Set<Long> services = new LinkedHashSet<>();

    DetachedStack(Path dir, Path home) {
        this.dir = dir;
        this.home = home;
        this.instance = List.of();
        this.state = dir.resolve(".devstack");
    }

    /** The stack of another instance of the project ({@code --instance NAME}). */
    DetachedStack(Path dir, Path home, String instance) {
        this(dir, home, List.of("--instance", instance), dir.resolve(".devstack/instances").resolve(instance));
    }

    private DetachedStack(Path dir, Path home, List<String> options, Path state) {
        this.dir = dir;
        this.home = home;
        this.instance = options;
        this.state = state;
    }

    /** The default instance's stack in an environment ({@code --env NAME}), which is a copy of its own. */
    static DetachedStack inEnvironment(Path dir, Path home, String environment) {
        return new DetachedStack(dir, home, List.of("--env", environment),
                dir.resolve(".devstack/instances").resolve("default+" + environment));
    }

    /** Runs `devstack up -d ARGS` to its end and remembers the stack it left. */
    DevstackProcess.Result up(String... args) {
        List<String> command = new ArrayList<>(instance);
        command.addAll(List.of("up", "-d"));
        command.addAll(List.of(args));
        DevstackProcess.Result result = DevstackProcess.run(dir, home, command.toArray(String[]::new));
        remember();
        return result;
    }

    /** The devstack that runs the stack, as run.json names it. */
    OptionalLong supervisor() {
        JsonNode state = runJson();
        return state.path("supervisor").path("pid").isNumber() ? OptionalLong.of(state.path("supervisor").path("pid").asLong())
                : OptionalLong.empty();
    }

    /** The pids of its services now, as run.json names them. */
    List<Long> servicePids() {
        List<Long> pids = new ArrayList<>();
        for (JsonNode service : runJson().path("services")) {
            if (service.path("pid").isNumber()) {
                pids.add(service.path("pid").asLong());
            }
        }
        return pids;
    }

    /** Notes what runs now, to be ended at the close however the test went. */
    void remember() {
        supervisor().ifPresent(supervisors::add);
        services.addAll(servicePids());
    }

    private JsonNode runJson() {
        try {
            return new ObjectMapper().readTree(Files.readString(state.resolve("run.json")));
        } catch (IOException notThere) {
            return new ObjectMapper().missingNode();
        }
    }

    @Override
    public void close() {
        remember();
        if (supervisors.stream().anyMatch(Processes::alive)) {
            List<String> down = new ArrayList<>(instance);
            down.addAll(List.of("down", "--wait", "20"));
            InProcessDevstack.run(dir, home, down.toArray(String[]::new));
        }
        supervisors.forEach(Processes::kill);
        services.forEach(Processes::killGroup);
    }
}
