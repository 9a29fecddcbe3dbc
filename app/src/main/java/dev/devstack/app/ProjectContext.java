package dev.devstack.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where and how devstack runs for one command: the project folder, the user's environment,
 * devstack's home folder (the registry) and the instance name. Passed down instead of reading
 * globals, so tests choose every one of them.
 */
public record ProjectContext(Path projectDir, Map<String, String> environment, Path home, String instance, Clock clock) {

    public static final String DEFAULT_INSTANCE = "default";
    /** What `--instance` may be: it names a folder and is part of the registry's keys. */
    public static final Pattern INSTANCE_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

    public ProjectContext {
        projectDir = projectDir.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /**
     * The instance's own state folder: {@code .devstack/} beside the configuration for the default
     * instance, {@code .devstack/instances/NAME/} for another (run.json, logs, the lock).
     */
    public Path stateDir() {
        return instance.equals(DEFAULT_INSTANCE) ? stateRoot() : stateRoot().resolve("instances").resolve(instance);
    }

    /** The project's {@code .devstack/}, whatever the instance: git is told to ignore it whole. */
    public Path stateRoot() {
        return projectDir.resolve(".devstack");
    }
}
