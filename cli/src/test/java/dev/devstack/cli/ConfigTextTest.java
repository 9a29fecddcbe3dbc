package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.config.ConfigLoader;
import dev.devstack.supervisor.config.ConfigSetting;
import dev.devstack.supervisor.config.MergedConfig;
import dev.devstack.supervisor.config.StackConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `devstack config` prints a valid ports.yaml whatever an origin holds: a `--set` flag is the user's text. */
class ConfigTextTest {

    @TempDir
    Path dir;

    private static ConfigSetting setting(ConfigSetting.Kind kind, String text, String origin, String... keys) {
        return new ConfigSetting(List.of(keys).stream().map(key -> new ConfigSetting.Step(key, -1)).toList(), kind,
                text, origin);
    }

    @Test
    void anOriginWithANewlineOrAnEscapeStaysInItsComment() throws IOException {
        MergedConfig merged = new MergedConfig(List.of("ports.yaml"), Optional.empty(), List.of(
                setting(ConfigSetting.Kind.TEXT, "python3 -m http.server $PORT", "ports.yaml:3:14",
                        "services", "api", "command"),
                setting(ConfigSetting.Kind.TEXT, "a\nb", "--set api.env.X=a\nb", "services", "api", "env", "X"),
                setting(ConfigSetting.Kind.TEXT, "\u001B[31mred", "--set api.env.Y=\u001B[31mred",
                        "services", "api", "env", "Y")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConfigText.print(merged, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("\u001B").contains("# --set api.env.X=a\\nb")
                .contains("# --set api.env.Y=\\u001B[31mred");
        Files.writeString(dir.resolve("ports.yaml"), text);
        StackConfig reread = new ConfigLoader(Map.of()).load(dir);
        assertThat(reread.service("api").orElseThrow().env().get("X").source()).isEqualTo("a\nb");
    }
}
