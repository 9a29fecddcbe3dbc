package dev.devstack.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.devstack.supervisor.model.ServiceState;
import java.util.EnumSet;
import java.util.List;

/**
 * The dashboard's styles by role. Only foreground colours of middle brightness are used and the
 * background stays the terminal's own, so that every role reads on dark and light themes alike.
 */
final class Theme {

    final Style plain = Style.PLAIN;
    final Style strong;
    final Style dim;
    final Style good;
    final Style busy;
    final Style warn;
    final Style bad;
    final Style info;
    final Style bar;
    final Style match;
    private final List<Style> names;

    Theme(ColourMode mode) {
        boolean rich = mode == ColourMode.INDEXED_256;
        strong = Style.PLAIN.with(SGR.BOLD);
        bar = Style.PLAIN.with(SGR.REVERSE);
        match = Style.PLAIN.with(SGR.REVERSE).with(SGR.BOLD);
        if (mode == ColourMode.NONE) {
            dim = Style.PLAIN;
            good = Style.PLAIN;
            busy = Style.PLAIN;
            warn = Style.PLAIN.with(SGR.BOLD);
            bad = Style.PLAIN.with(SGR.BOLD);
            info = Style.PLAIN;
            names = List.of(Style.PLAIN);
            return;
        }
        dim = colour(rich ? new TextColor.Indexed(245) : TextColor.ANSI.BLACK_BRIGHT);
        good = colour(rich ? new TextColor.Indexed(34) : TextColor.ANSI.GREEN);
        busy = colour(rich ? new TextColor.Indexed(37) : TextColor.ANSI.CYAN);
        warn = colour(rich ? new TextColor.Indexed(172) : TextColor.ANSI.YELLOW);
        bad = colour(rich ? new TextColor.Indexed(160) : TextColor.ANSI.RED).with(SGR.BOLD);
        info = colour(rich ? new TextColor.Indexed(33) : TextColor.ANSI.BLUE);
        names = rich
                ? List.of(colour(new TextColor.Indexed(37)), colour(new TextColor.Indexed(172)),
                        colour(new TextColor.Indexed(34)), colour(new TextColor.Indexed(133)),
                        colour(new TextColor.Indexed(33)), colour(new TextColor.Indexed(166)),
                        colour(new TextColor.Indexed(30)), colour(new TextColor.Indexed(98)))
                : List.of(colour(TextColor.ANSI.CYAN), colour(TextColor.ANSI.YELLOW), colour(TextColor.ANSI.GREEN),
                        colour(TextColor.ANSI.MAGENTA), colour(TextColor.ANSI.BLUE));
    }

    Style state(ServiceState state) {
        return switch (state) {
            case READY, EXITED -> good;
            case STARTING, RUNNING, STOPPING -> busy;
            case BACKOFF, UNHEALTHY -> warn;
            case CRASHED, FAILED, BLOCKED -> bad;
            case PENDING, STOPPED -> dim;
        };
    }

    /** The colour of the n-th service's name in the interleaved log view. */
    Style name(int index) {
        return names.get(Math.floorMod(index, names.size()));
    }

    private static Style colour(TextColor colour) {
        return new Style(colour, null, EnumSet.noneOf(SGR.class));
    }
}
