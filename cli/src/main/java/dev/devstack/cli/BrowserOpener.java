package dev.devstack.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL in the user's browser the way the desktop does: {@code $BROWSER} when set (a
 * {@code :}-separated list of commands, each tried in turn, with {@code %s} for the URL or the URL
 * last), else {@code open} on macOS, else {@code xdg-open} when there is a display to open it on.
 * The opener runs on its own with its output discarded; devstack does not wait for the browser.
 */
final class BrowserOpener {

    private BrowserOpener() {
    }

    /** The opener that took the URL, or empty when this machine has none (or none could start). */
    static Optional<String> open(Map<String, String> environment, String url) {
        for (List<String> command : candidates(environment, url)) {
            try {
                new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                return Optional.of(command.get(0));
            } catch (IOException cannotStart) {
                // the next one, if any
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> candidates(Map<String, String> environment, String url) {
        List<List<String>> commands = new ArrayList<>();
        for (String entry : environment.getOrDefault("BROWSER", "").split(":")) {
            List<String> words = new ArrayList<>(List.of(entry.trim().split("\\s+")));
            words.removeIf(String::isEmpty);
            if (!words.isEmpty()) {
                boolean placed = words.stream().anyMatch(word -> word.contains("%s"));
                words.replaceAll(word -> word.replace("%s", url));
                if (!placed) {
                    words.add(url);
                }
                commands.add(words);
            }
        }
        if (!commands.isEmpty()) {
            return commands;
        }
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return List.of(List.of("open", url));
        }
        boolean display = !environment.getOrDefault("DISPLAY", "").isEmpty()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
        return display && onPath(environment, "xdg-open") ? List.of(List.of("xdg-open", url)) : List.of();
    }

    private static boolean onPath(Map<String, String> environment, String command) {
        for (String folder : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    /** Every opener it would try, for the message when none is there. */
    static List<String> tried() {
        return List.of("$BROWSER", "xdg-open (with $DISPLAY or $WAYLAND_DISPLAY)", "open (macOS)");
    }
}
