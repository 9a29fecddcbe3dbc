package dev.devstack.tui;

import java.time.Instant;

/**
 * One line in the dashboard's log views: something a service printed, or devstack's word about
 * it ({@code service} is empty for the stack as a whole). {@code seq} orders all lines of the stack.
 */
record LogLine(long seq, Instant at, String service, Kind kind, String text) {

    enum Kind { OUT, ERR, SYSTEM }
}
