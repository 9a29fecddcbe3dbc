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

    StackConfig load() {
        return new ConfigLoader(environment).load(dir);
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
