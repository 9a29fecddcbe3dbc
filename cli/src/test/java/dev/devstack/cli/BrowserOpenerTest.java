package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the browser is chosen: $BROWSER as the desktop conventions have it, or nothing without a display. */
class BrowserOpenerTest {

    private static final String URL = "http://127.0.0.1:24609/?code=1.2.3";

    @TempDir
    Path dir;

    /** A stand-in browser that writes its arguments, one per line, to {@code said}. */
    private Path browser(Path said) throws IOException {
        Path script = dir.resolve("browser");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + said + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String awaitText(Path file) {
        return Await.value(Duration.ofSeconds(10), "the browser to be started", () -> {
            try {
                String text = Files.exists(file) ? Files.readString(file) : "";
                return text.isEmpty() ? null : text;
            } catch (IOException notYet) {
                return null;
            }
        });
    }

    @Test
    void browserIsAListTriedInTurnWithTheUrlWherePercentSStandsOrLast() throws IOException {
        Path said = dir.resolve("said.txt");
        Path script = browser(said);

        assertThat(BrowserOpener.open(Map.of("BROWSER", dir.resolve("no-such-browser") + ":" + script + " --new-tab %s"),
                URL)).hasValue(script.toString());
        assertThat(awaitText(said)).isEqualTo("--new-tab\n" + URL + "\n");

        Files.delete(said);
        assertThat(BrowserOpener.open(Map.of("BROWSER", script.toString()), URL)).hasValue(script.toString());
        assertThat(awaitText(said)).isEqualTo(URL + "\n");
    }

    @Test
    void withoutBrowserOrADisplayThereIsNoOpener() {
        assertThat(BrowserOpener.open(Map.of("PATH", "/usr/bin:/bin"), URL)).isEmpty();
        assertThat(BrowserOpener.open(Map.of("BROWSER", dir.resolve("no-such-browser").toString()), URL)).isEmpty();
    }
}
