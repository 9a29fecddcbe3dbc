package dev.devstack.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Where and how devstack runs for one command: the project folder, the user's environment,
 * devstack's home folder (the registry) and the instance name. Passed down instead of reading
 * globals, so tests choose every one of them.
 */
public record ProjectContext(Path projectDir, Map<String, String> environment, Path home, String instance, Clock clock) {

    public static final String DEFAULT_INSTANCE = "default";

    public ProjectContext {
        projectDir = projectDir.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** The project's own state folder, {@code .devstack/} beside its configuration. */
    public Path stateDir() {
        return projectDir.resolve(".devstack");
    }
}
