package dev.devstack.tui;

import java.util.Locale;
import java.util.Map;

/** How many colours the dashboard uses: none when NO_COLOR is set, 256 when TERM or COLORTERM says so, else 16. */
enum ColourMode {
    NONE, ANSI_16, INDEXED_256;

    static ColourMode detect(Map<String, String> environment) {
        if (!environment.getOrDefault("NO_COLOR", "").isEmpty()) {
            return NONE;
        }
        String term = environment.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        String colourTerm = environment.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (term.contains("256color") || colourTerm.contains("truecolor") || colourTerm.contains("24bit")) {
            return INDEXED_256;
        }
        return ANSI_16;
    }
}
