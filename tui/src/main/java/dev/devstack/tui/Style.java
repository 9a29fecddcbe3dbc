package dev.devstack.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/** Colours and modifiers for a piece of text; {@code null} colours keep the terminal's own. */
record Style(TextColor foreground, TextColor background, EnumSet<SGR> modifiers) {

    static final Style PLAIN = new Style(null, null, EnumSet.noneOf(SGR.class));

    Style {
        modifiers = modifiers.clone();
    }

    Style with(SGR modifier) {
        EnumSet<SGR> more = modifiers.clone();
        more.add(modifier);
        return new Style(foreground, background, more);
    }

    /** The same look on a selected row: reversed, with the terminal's own colours so it reads on any theme. */
    Style selected() {
        EnumSet<SGR> reversed = modifiers.clone();
        reversed.add(SGR.REVERSE);
        return new Style(null, null, reversed);
    }
}
