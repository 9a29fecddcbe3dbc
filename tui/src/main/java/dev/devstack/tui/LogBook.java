package dev.devstack.tui;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The recent lines the dashboard can show: per service, and all of them interleaved, each bounded
 * in lines, and each line cut to {@value #MAX_CHARS} characters, which is some forty rows wrapped
 * (the log files under .devstack/logs keep everything, whole). Written by the event thread, read
 * by the drawing thread; every call is short.
 */
final class LogBook {

    static final int PER_SERVICE = 2_000;
    static final int ALL = 10_000;
    static final int MAX_CHARS = 4_096;

    private final int perService;
    private final int all;
    private final Map<String, Deque<LogLine>> byService = new HashMap<>();
    private final Deque<LogLine> everything = new ArrayDeque<>();
    private long next = 1;

    LogBook() {
        this(PER_SERVICE, ALL);
    }

    LogBook(int perService, int all) {
        this.perService = perService;
        this.all = all;
    }

    synchronized void add(Instant at, String service, LogLine.Kind kind, String text) {
        StyledText styled = StyledText.parse(cut(text));
        LogLine line = new LogLine(next++, at, service, kind, styled.text(), styled.runs());
        append(everything, line, all);
        if (!service.isEmpty()) {
            append(byService.computeIfAbsent(service, s -> new ArrayDeque<>()), line, perService);
        }
    }

    private static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + " … (cut here; the whole line is in the log file)";
    }

    private static void append(Deque<LogLine> lines, LogLine line, int limit) {
        lines.addLast(line);
        if (lines.size() > limit) {
            lines.removeFirst();
        }
    }

    /** The sequence number of the newest line of {@code service} (empty: all), 0 when there is none. */
    synchronized long newest(String service) {
        LogLine last = lines(service).peekLast();
        return last == null ? 0 : last.seq();
    }

    synchronized long oldest(String service) {
        LogLine first = lines(service).peekFirst();
        return first == null ? 0 : first.seq();
    }

    /** Up to {@code count} lines of {@code service} (empty: all), oldest first, the last one at or before {@code until}. */
    synchronized List<LogLine> window(String service, long until, int count) {
        List<LogLine> found = new ArrayList<>(Math.min(count, 256));
        Iterator<LogLine> newestFirst = lines(service).descendingIterator();
        while (newestFirst.hasNext() && found.size() < count) {
            LogLine line = newestFirst.next();
            if (line.seq() <= until) {
                found.add(line);
            }
        }
        Collections.reverse(found);
        return found;
    }

    /** The line {@code count} lines after {@code seq}, or the newest one when there are fewer. */
    synchronized long forward(String service, long seq, int count) {
        int seen = 0;
        long found = seq;
        for (LogLine line : lines(service)) {
            if (line.seq() > seq) {
                found = line.seq();
                if (++seen == count) {
                    break;
                }
            }
        }
        return found;
    }

    /** The line {@code count} lines before {@code seq}, or the oldest one when there are fewer. */
    synchronized long back(String service, long seq, int count) {
        List<LogLine> lines = window(service, seq, count + 1);
        return lines.isEmpty() ? seq : lines.get(0).seq();
    }

    /** How many lines of {@code service} came after {@code seq}. */
    synchronized int countAfter(String service, long seq) {
        int count = 0;
        Iterator<LogLine> newestFirst = lines(service).descendingIterator();
        while (newestFirst.hasNext() && newestFirst.next().seq() > seq) {
            count++;
        }
        return count;
    }

    /** The nearest line containing {@code term} (ignoring case) before {@code from} (older) or after it. */
    synchronized Optional<LogLine> search(String service, String term, long from, boolean older) {
        String wanted = term.toLowerCase(Locale.ROOT);
        Iterator<LogLine> lines = older ? lines(service).descendingIterator() : lines(service).iterator();
        while (lines.hasNext()) {
            LogLine line = lines.next();
            boolean beyond = older ? line.seq() < from : line.seq() > from;
            if (beyond && line.text().toLowerCase(Locale.ROOT).contains(wanted)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    private Deque<LogLine> lines(String service) {
        return service.isEmpty() ? everything : byService.getOrDefault(service, new ArrayDeque<>(0));
    }
}
