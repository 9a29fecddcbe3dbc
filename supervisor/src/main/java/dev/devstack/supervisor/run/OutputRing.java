package dev.devstack.supervisor.run;

import java.util.ArrayList;
import java.util.List;

/**
 * The last lines a service printed, at most {@code capacity} of them, each cut to
 * {@value #MAX_CHARS} characters, in memory (they are repeated in messages, e.g. a failed task's
 * last lines); the whole lines are in its log file. Written by the thread that reads the service's
 * pipes, read by others.
 */
final class OutputRing {

    static final int MAX_CHARS = 2_000;

    private final String[] lines;
    private int next;
    private int size;

    OutputRing(int capacity) {
        this.lines = new String[capacity];
    }

    synchronized void add(String line) {
        lines[next] = line.length() <= MAX_CHARS ? line
                : line.substring(0, Character.isHighSurrogate(line.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS)
                + "…";
        next = (next + 1) % lines.length;
        size = Math.min(size + 1, lines.length);
    }

    /** The last {@code count} lines (fewer if there are not as many), oldest first. */
    synchronized List<String> last(int count) {
        int n = Math.min(count, size);
        List<String> result = new ArrayList<>(n);
        for (int i = n; i > 0; i--) {
            result.add(lines[Math.floorMod(next - i, lines.length)]);
        }
        return result;
    }
}
