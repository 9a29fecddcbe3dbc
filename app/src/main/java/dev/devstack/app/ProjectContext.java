package dev.devstack.app;

import dev.devstack.supervisor.config.ConfigChoice;
import dev.devstack.supervisor.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how devstack runs for one command: the project folder, the user's environment,
 * devstack's home folder (the registry), the instance, and what the command line chose on top of
 * the configuration files. Passed down instead of reading globals, so tests choose every one of
 * them. {@code instance} is the copy's key: the instance's name, followed by {@code +ENV} when an
 * environment is chosen, because an environment runs as a copy of its own (sticky ports, state).
 */
public record ProjectContext(Path projectDir, Map<String, String> environment, Path home, String instance,
                             ConfigChoice choice, Clock clock) {

    public static final String DEFAULT_INSTANCE = "default";
    /** What `--instance` may be: it names a folder and is part of the registry's keys. */
    public static final Pattern INSTANCE_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

    public ProjectContext {
        projectDir = projectDir.toAbsolutePath().normalize();
        environment = Map.copyOf(environment);
    }

    /** The default choice: the files as they are. */
    public ProjectContext(Path projectDir, Map<String, String> environment, Path home, String instance, Clock clock) {
        this(projectDir, environment, home, instance, ConfigChoice.NONE, clock);
    }

    /** The key of instance {@code name} in {@code environment}: {@code name}, or {@code name+environment}. */
    public static String copyKey(String name, Optional<String> environment) {
        return environment.map(env -> name + "+" + env).orElse(name);
    }

    /** The instance's name as the user gave it, without the environment. */
    public String instanceName() {
        return choice.environment().filter(env -> instance.endsWith("+" + env))
                .map(env -> instance.substring(0, instance.length() - env.length() - 1)).orElse(instance);
    }

    /**
     * How the copy is shown to people: its key, except that the default instance of a project in a
     * linked git worktree is shown by the worktree's branch (with {@code +ENV} when an environment is chosen).
     */
    public String instanceLabel() {
        if (!instanceName().equals(DEFAULT_INSTANCE)) {
            return instance;
        }
        return WorktreeBranch.of(projectDir).map(branch -> copyKey(branch, choice.environment())).orElse(instance);
    }

    /**
     * Whether this command's registry is a team's (DEVSTACK_REGISTRY, `--registry`, or the user's
     * configuration file say so) rather than the embedded one that the agent serves.
     */
    public boolean teamRegistry() {
        return RegistryChoice.of(environment).isPresent();
    }

    /** Reads the project's configuration with the command line's choice. */
    public ConfigLoader loader() {
        return new ConfigLoader(environment, choice);
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
