package dev.devstack.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/**
 * Select Graphic Rendition: the parameters of one {@code ESC [ … m} a service printed, applied to
 * the style its text had so far. Colours (16, 256 and RGB), bold, italic, underline and reverse
 * are kept; what the dashboard cannot draw (faint, blink) is ignored.
 */
final class Sgr {

    private static final TextColor.ANSI[] NORMAL = {TextColor.ANSI.BLACK, TextColor.ANSI.RED, TextColor.ANSI.GREEN,
        TextColor.ANSI.YELLOW, TextColor.ANSI.BLUE, TextColor.ANSI.MAGENTA, TextColor.ANSI.CYAN, TextColor.ANSI.WHITE};
    private static final TextColor.ANSI[] BRIGHT = {TextColor.ANSI.BLACK_BRIGHT, TextColor.ANSI.RED_BRIGHT,
        TextColor.ANSI.GREEN_BRIGHT, TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.BLUE_BRIGHT,
        TextColor.ANSI.MAGENTA_BRIGHT, TextColor.ANSI.CYAN_BRIGHT, TextColor.ANSI.WHITE_BRIGHT};
    private static final int INDEXED = 5;
    private static final int RGB = 2;

    private Sgr() {
    }

    static Style apply(Style style, String parameters) {
        int[] codes = codes(parameters);
        TextColor foreground = style.foreground();
        TextColor background = style.background();
        EnumSet<SGR> modifiers = style.modifiers().clone();
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i];
            switch (code) {
                case 0 -> {
                    foreground = null;
                    background = null;
                    modifiers = EnumSet.noneOf(SGR.class);
                }
                case 1 -> modifiers.add(SGR.BOLD);
                case 3 -> modifiers.add(SGR.ITALIC);
                case 4 -> modifiers.add(SGR.UNDERLINE);
                case 7 -> modifiers.add(SGR.REVERSE);
                case 22 -> modifiers.remove(SGR.BOLD);
                case 23 -> modifiers.remove(SGR.ITALIC);
                case 24 -> modifiers.remove(SGR.UNDERLINE);
                case 27 -> modifiers.remove(SGR.REVERSE);
                case 39 -> foreground = null;
                case 49 -> background = null;
                case 38, 48 -> {
                    TextColor extended = extended(codes, i);
                    i += extendedLength(codes, i);
                    if (code == 38) {
                        foreground = extended;
                    } else {
                        background = extended;
                    }
                }
                default -> {
                    if (code >= 30 && code <= 37) {
                        foreground = NORMAL[code - 30];
                    } else if (code >= 90 && code <= 97) {
                        foreground = BRIGHT[code - 90];
                    } else if (code >= 40 && code <= 47) {
                        background = NORMAL[code - 40];
                    } else if (code >= 100 && code <= 107) {
                        background = BRIGHT[code - 100];
                    }
                }
            }
        }
        return new Style(foreground, background, modifiers);
    }

    /** {@code 38;5;N} (one of 256) or {@code 38;2;R;G;B}; anything else is the terminal's own colour. */
    private static TextColor extended(int[] codes, int at) {
        if (at + 2 < codes.length && codes[at + 1] == INDEXED && codes[at + 2] >= 0 && codes[at + 2] < 256) {
            return new TextColor.Indexed(codes[at + 2]);
        }
        if (at + 4 < codes.length && codes[at + 1] == RGB) {
            return new TextColor.RGB(channel(codes[at + 2]), channel(codes[at + 3]), channel(codes[at + 4]));
        }
        return null;
    }

    private static int extendedLength(int[] codes, int at) {
        if (at + 1 >= codes.length) {
            return 0;
        }
        return codes[at + 1] == INDEXED ? 2 : codes[at + 1] == RGB ? 4 : 1;
    }

    private static int channel(int value) {
        return Math.max(0, Math.min(255, value));
    }

    /** The numbers between semicolons (or colons); an empty one is 0, as in {@code ESC [ m}. */
    private static int[] codes(String parameters) {
        if (parameters.isEmpty()) {
            return new int[] {0};
        }
        String[] parts = parameters.split("[;:]", -1);
        int[] codes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                codes[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i]);
            } catch (NumberFormatException notSgr) {
                codes[i] = -1;
            }
        }
        return codes;
    }
}
