package dev.devstack.supervisor.config;

import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;

/** Writes configuration files into a temporary project folder and loads them. */
final class ProjectFolder {

    private final Path dir;
    private Map<String, String> environment = Map.of("HOME", "/home/dev");
    private ConfigChoice choice = ConfigChoice.NONE;

    ProjectFolder(Path dir) {
        this.dir = dir;
    }

    ProjectFolder write(String file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    ProjectFolder write(String file, byte[] bytes) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProjectFolder environment(Map<String, String> variables) {
        this.environment = variables;
        return this;
    }

    /** Loads with an environment and {@code --set} overrides, as the command line gives them. */
    ProjectFolder choose(String environmentName, String... sets) {
        this.choice = new ConfigChoice(java.util.Optional.ofNullable(environmentName), "--env", List.of(sets));
        return this;
    }

    StackConfig load() {
        return new ConfigLoader(environment, choice).load(dir);
    }

    MergedConfig merged() {
        return new ConfigLoader(environment, choice).merged(dir);
    }

    /** The problem lines of a configuration that must not load. */
    List<String> problems() {
        try {
            load();
        } catch (DevstackException e) {
            Assertions.assertThat(e.category()).isEqualTo(dev.devstack.supervisor.ErrorCategory.INVALID_CONFIG);
            return e.details().isEmpty() ? List.of(e.getMessage()) : e.details();
        }
        throw new AssertionError("the configuration loaded although it should not");
    }
}
