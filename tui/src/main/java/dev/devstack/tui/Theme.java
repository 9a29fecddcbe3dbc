package dev.devstack.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.devstack.supervisor.model.ServiceState;
import java.util.EnumSet;
import java.util.List;

/**
 * The dashboard's styles by role. The background stays the terminal's own; the foreground colours
 * are chosen for it ({@link Background}): in a 256-colour terminal from a {@link Palette} that
 * meets WCAG contrast on it, in a 16-colour one from the terminal's own palette, which its user
 * matched to the background. With NO_COLOR only bold and reverse are left.
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
    /** Whether services' own colours are drawn (not with NO_COLOR). */
    final boolean colours;
    private final List<Style> names;

    Theme(ColourMode mode, Background background) {
        boolean rich = mode == ColourMode.INDEXED_256;
        colours = mode != ColourMode.NONE;
        boolean light = background == Background.LIGHT;
        Palette palette = Palette.of(background);
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
        if (rich) {
            dim = indexed(palette.dim());
            good = indexed(palette.good());
            busy = indexed(palette.busy());
            warn = indexed(palette.warn());
            bad = indexed(palette.bad()).with(SGR.BOLD);
            info = indexed(palette.info());
            names = palette.names().stream().map(Theme::indexed).toList();
            return;
        }
        dim = light ? Style.PLAIN : colour(TextColor.ANSI.BLACK_BRIGHT);
        good = colour(TextColor.ANSI.GREEN);
        busy = colour(TextColor.ANSI.CYAN);
        warn = colour(light ? TextColor.ANSI.MAGENTA : TextColor.ANSI.YELLOW);
        bad = colour(TextColor.ANSI.RED).with(SGR.BOLD);
        info = colour(TextColor.ANSI.BLUE);
        names = List.of(colour(TextColor.ANSI.CYAN), colour(light ? TextColor.ANSI.MAGENTA : TextColor.ANSI.YELLOW),
                colour(TextColor.ANSI.GREEN), colour(TextColor.ANSI.BLUE), colour(TextColor.ANSI.RED));
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

    private static Style indexed(int index) {
        return colour(new TextColor.Indexed(index));
    }

    private static Style colour(TextColor colour) {
        return new Style(colour, null, EnumSet.noneOf(SGR.class));
    }
}
