package dev.devstack.tui;

import java.util.List;

/**
 * The colours of each role in a 256-colour terminal, as indexes of the xterm palette, one set for
 * dark backgrounds and one for light ones. Each meets WCAG 2's 4.5:1 contrast for text against
 * both backgrounds named in docs/tui.md (ContrastTest holds them to it).
 */
record Palette(int dim, int good, int busy, int warn, int bad, int info, List<Integer> names) {

    static final Palette DARK = new Palette(247, 71, 73, 178, 210, 39, List.of(73, 178, 71, 176, 75, 209, 141, 80));

    static final Palette LIGHT = new Palette(240, 22, 23, 94, 124, 25, List.of(23, 94, 22, 90, 25, 55, 58, 127));

    Palette {
        names = List.copyOf(names);
    }

    static Palette of(Background background) {
        return background == Background.LIGHT ? LIGHT : DARK;
    }
}
