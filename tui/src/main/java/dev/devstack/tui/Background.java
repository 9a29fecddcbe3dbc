package dev.devstack.tui;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the terminal's background is dark or light, which decides the dashboard's colours: as
 * {@code DEVSTACK_THEME} says (dark or light), else as the terminal tells through {@code COLORFGBG}
 * ("foreground;background" colour numbers, set by rxvt, Konsole, iTerm2 and others), else dark.
 */
enum Background {
    DARK, LIGHT;

    static final String VARIABLE = "DEVSTACK_THEME";

    /** Colour numbers of the 16-colour palette that are light backgrounds: white, and the bright ones but dark grey. */
    private static final int WHITE = 7;
    private static final int BRIGHT_BLACK = 8;

    static Background detect(Map<String, String> environment) {
        String chosen = environment.getOrDefault(VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        if (chosen.equals("light")) {
            return LIGHT;
        }
        if (chosen.equals("dark")) {
            return DARK;
        }
        String[] colours = environment.getOrDefault("COLORFGBG", "").split(";");
        try {
            int background = Integer.parseInt(colours[colours.length - 1].strip());
            return background == WHITE || background > BRIGHT_BLACK && background < 16 ? LIGHT : DARK;
        } catch (NumberFormatException unset) {
            return DARK;
        }
    }
}
