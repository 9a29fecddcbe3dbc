package dev.devstack.supervisor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A project folder for integration tests, with testservice.py in it and a ports.yaml to be written. */
public final class TestProject {

    private final Path dir;

    public TestProject(Path dir) {
        this.dir = dir;
        try (InputStream script = TestProject.class.getResourceAsStream("testservice.py")) {
            Files.copy(script, dir.resolve("testservice.py"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The command that runs the test service with these arguments. */
    public static String service(String arguments) {
        return "python3 -u testservice.py " + arguments;
    }

    public TestProject write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String file) {
        return Files.exists(dir.resolve(file));
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment a test service dumped with --dump FILE. */
    public Map<String, String> environment(String file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> env = new ObjectMapper().readValue(read(file), Map.class);
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
