package dev.devstack.tui;

import java.time.Instant;
import java.util.List;

/**
 * One line in the dashboard's log views: something a service printed, or devstack's word about
 * it ({@code service} is empty for the stack as a whole). {@code seq} orders all lines of the stack.
 * {@code text} is plain; {@code colours} are the looks the service gave parts of it.
 */
record LogLine(long seq, Instant at, String service, Kind kind, String text, List<StyledText.Run> colours) {

    LogLine {
        colours = List.copyOf(colours);
    }

    enum Kind { OUT, ERR, SYSTEM }
}
