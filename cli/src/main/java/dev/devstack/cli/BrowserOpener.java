package dev.devstack.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL in the user's browser the way the desktop does: {@code $BROWSER} when set, else
 * {@code open} on macOS, else {@code xdg-open} when there is a display to open it on. The opener
 * runs on its own with its output discarded; devstack does not wait for the browser.
 */
final class BrowserOpener {

    private BrowserOpener() {
    }

    /** The opener that took the URL, or empty when this machine has none (or it could not start). */
    static Optional<String> open(Map<String, String> environment, String url) {
        Optional<String> opener = choose(environment);
        if (opener.isEmpty()) {
            return Optional.empty();
        }
        try {
            new ProcessBuilder(opener.get(), url).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return opener;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> choose(Map<String, String> environment) {
        String browser = environment.getOrDefault("BROWSER", "").trim();
        if (!browser.isEmpty()) {
            return Optional.of(browser);
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return Optional.of("open");
        }
        boolean display = !environment.getOrDefault("DISPLAY", "").isEmpty()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
        return display ? onPath(environment, "xdg-open") : Optional.empty();
    }

    private static Optional<String> onPath(Map<String, String> environment, String command) {
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Every opener it would try, for the message when none is there. */
    static List<String> tried() {
        return List.of("$BROWSER", "xdg-open (with $DISPLAY or $WAYLAND_DISPLAY)", "open (macOS)");
    }
}
