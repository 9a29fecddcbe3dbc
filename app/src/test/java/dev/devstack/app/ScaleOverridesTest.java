package dev.devstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.ServiceSpec;
import dev.devstack.supervisor.config.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scale asked of a running stack outlives reloads until the file's own scale of the service changes. */
class ScaleOverridesTest {

    @TempDir
    Path dir;

    private StackConfig config(int apiScale) throws IOException {
        Files.writeString(dir.resolve("ports.yaml"), """
                services:
                  api: { command: ./api, scale: %d }
                  web: { command: ./web }
                """.formatted(apiScale));
        return new ConfigLoader(Map.of()).load(dir);
    }

    private static int scale(StackConfig config, String service) {
        return config.service(service).map(ServiceSpec::scale).orElseThrow();
    }

    @Test
    void theScaleAskedForReplacesTheConfiguredOneAtEveryReload() throws IOException {
        ScaleOverrides overrides = new ScaleOverrides();
        overrides.put("api", 2, 5);

        assertThat(scale(overrides.apply(config(2)), "api")).isEqualTo(5);
        assertThat(scale(overrides.apply(config(2)), "api")).isEqualTo(5);
        assertThat(scale(overrides.apply(config(2)), "web")).isEqualTo(1);
    }

    @Test
    void aChangedScaleInTheFileWinsFromThenOn() throws IOException {
        ScaleOverrides overrides = new ScaleOverrides();
        overrides.put("api", 2, 5);

        assertThat(scale(overrides.apply(config(3)), "api")).isEqualTo(3);
        assertThat(scale(overrides.apply(config(2)), "api")).as("the override is gone, not waiting").isEqualTo(2);
    }
}
