package dev.devstack.supervisor.config;

import dev.devstack.supervisor.ConfigProblem;
import dev.devstack.supervisor.DevstackException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem found in a configuration, so that all of them are reported at once.
 * Messages quote what the file says, and a file may say anything: control characters are shown
 * escaped (a configuration cannot drive the terminal it is checked in), a message stays short
 * enough to read, and a file with thousands of problems lists the first {@link #LISTED}.
 */
final class Problems {

    static final int LISTED = 100;
    static final int LONGEST_MESSAGE = 1_000;

    private final List<ConfigProblem> problems = new ArrayList<>();

    void add(Location location, String message) {
        problems.add(new ConfigProblem(location.file(), location.line(), location.column(),
                shortened(printable(message))));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Every problem once, by file, line and column. */
    private List<ConfigProblem> sorted() {
        return problems.stream()
                .sorted(Comparator.comparing(ConfigProblem::file).thenComparingInt(ConfigProblem::line)
                        .thenComparingInt(ConfigProblem::column))
                .distinct()
                .toList();
    }

    void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            List<ConfigProblem> found = sorted();
            String count = found.size() == 1 ? "1 problem" : found.size() + " problems";
            String listed = found.size() > LISTED ? " (the first " + LISTED + " follow)" : "";
            throw DevstackException.configProblems(what + " has " + count + listed + "; fix "
                    + (found.size() == 1 ? "it" : "them") + " and run the command again (`devstack check` validates"
                    + " without starting anything)", found.subList(0, Math.min(LISTED, found.size())));
        }
    }

    private static String printable(String message) {
        StringBuilder out = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean hidden = Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029';
            if (hidden && out == null) {
                out = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (hidden) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? message : out.toString();
    }

    /** The start (what is wrong) and the end (what to do) of a message that quotes a very long value. */
    private static String shortened(String message) {
        if (message.length() <= LONGEST_MESSAGE) {
            return message;
        }
        int head = LONGEST_MESSAGE * 2 / 3;
        int tail = message.length() - (LONGEST_MESSAGE - head);
        head -= Character.isLowSurrogate(message.charAt(head)) ? 1 : 0;
        tail += Character.isLowSurrogate(message.charAt(tail)) ? 1 : 0;
        return message.substring(0, head) + " … (" + (tail - head) + " characters left out) … "
                + message.substring(tail);
    }
}
