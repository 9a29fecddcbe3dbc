package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.OutputSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The records of one service's log file, made from the bytes its pipes delivered. A record is the
 * time its first bytes were read, {@code out} or {@code err}, the line's bytes as written (without
 * the newline), and {@code \n}. A line of any length is one record, written as its bytes arrive,
 * so a record may be open for a while (a progress bar redrawn with {@code \r}). Meanwhile what the
 * other pipes deliver waits, so that records never mix; once more than {@code waitBytes} wait, or
 * the oldest of them has waited {@code waitNanos}, the open line is cut: ended with {@code \n},
 * the waiting bytes written, and its rest written later as a record tagged {@code out+} or
 * {@code err+}. The bytes of one pipe are never reordered, dropped or changed.
 * Touched only by the log writer's thread.
 */
final class ServiceLog {

    /** One pipe of one run of a service, compared by identity: a later run never continues an earlier run's line. */
    static final class Pipe {
        final String service;
        final OutputSource source;

        Pipe(String service, OutputSource source) {
            this.service = service;
            this.source = source;
        }
    }

    /**
     * Bytes as read from a pipe; {@code at} is the time for the file, {@code nanos} (System.nanoTime) when
     * they were read, for the wait; {@code closed} when the pipe ended after them.
     */
    record Chunk(Pipe pipe, Instant at, long nanos, byte[] bytes, boolean closed) {
    }

    private record Waiting(long arrival, Chunk chunk) {
    }

    private final RotatingFile file;
    private final long waitBytes;
    private final long waitNanos;
    private final Map<Pipe, ArrayDeque<Waiting>> waiting = new HashMap<>();
    private final Set<Pipe> cut = new HashSet<>();
    private long waitingBytes;
    private long arrivals;
    /** The pipe whose record is begun and not yet ended; no other pipe writes until it is. */
    private Pipe open;

    ServiceLog(RotatingFile file, long waitBytes, long waitNanos) {
        this.file = file;
        this.waitBytes = waitBytes;
        this.waitNanos = waitNanos;
    }

    void add(Chunk chunk) {
        if (open != null && open != chunk.pipe()) {
            waiting.computeIfAbsent(chunk.pipe(), pipe -> new ArrayDeque<>()).add(new Waiting(arrivals++, chunk));
            waitingBytes += chunk.bytes().length;
            if (waitingBytes > waitBytes) {
                cutOpenLine();
            }
        } else {
            write(chunk);
            drain();
        }
    }

    /** The System.nanoTime by which the open line is cut unless it ends; Long.MAX_VALUE when nothing waits. */
    long deadline() {
        return waiting.isEmpty() ? Long.MAX_VALUE : oldestWait() + waitNanos;
    }

    /** Cuts the open line if bytes have waited for it since {@code waitNanos} before {@code now}. */
    void cutIfOverdue(long now) {
        if (!waiting.isEmpty() && now - oldestWait() >= waitNanos) {
            cutOpenLine();
        }
    }

    void flush() {
        file.flush();
    }

    /** Writes everything that waits, ends the open line and closes the file. */
    void finish() {
        while (!waiting.isEmpty()) {
            cutOpenLine();
        }
        if (open != null) {
            file.end();
            open = null;
        }
        file.close();
    }

    private void cutOpenLine() {
        file.end();
        cut.add(open);
        open = null;
        drain();
    }

    /** Writes waiting chunks: the open pipe's first, else the oldest, until a line of another pipe stays open. */
    private void drain() {
        while (true) {
            ArrayDeque<Waiting> next = open != null ? waiting.get(open) : oldestQueue();
            if (next == null) {
                return;
            }
            Chunk chunk = next.poll().chunk();
            if (next.isEmpty()) {
                waiting.remove(chunk.pipe());
            }
            waitingBytes -= chunk.bytes().length;
            write(chunk);
        }
    }

    private ArrayDeque<Waiting> oldestQueue() {
        ArrayDeque<Waiting> oldest = null;
        for (ArrayDeque<Waiting> queue : waiting.values()) {
            if (oldest == null || queue.peek().arrival() < oldest.peek().arrival()) {
                oldest = queue;
            }
        }
        return oldest;
    }

    private long oldestWait() {
        return oldestQueue().peek().chunk().nanos();
    }

    /**
     * Writes a chunk of the open pipe, or of any pipe when none is open. When its line ends while
     * other pipes wait, the rest of the chunk waits behind them, so that they are not held up until
     * the end of the next line (or cut out of it).
     */
    private void write(Chunk chunk) {
        byte[] bytes = chunk.bytes();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                piece(chunk, from, i);
                file.end();
                open = null;
                from = i + 1;
                if (!waiting.isEmpty() && (from < bytes.length || chunk.closed())) {
                    Chunk rest = new Chunk(chunk.pipe(), chunk.at(), chunk.nanos(),
                            Arrays.copyOfRange(bytes, from, bytes.length), chunk.closed());
                    // ahead of what else of this pipe waits; its turn comes after the pipes that waited already
                    waiting.computeIfAbsent(rest.pipe(), pipe -> new ArrayDeque<>()).addFirst(new Waiting(arrivals++, rest));
                    waitingBytes += rest.bytes().length;
                    return;
                }
            }
        }
        if (from < bytes.length) {
            piece(chunk, from, bytes.length);
        }
        if (chunk.closed()) {
            if (open == chunk.pipe()) {
                file.end();
                open = null;
            }
            cut.remove(chunk.pipe());
        }
    }

    private void piece(Chunk chunk, int from, int to) {
        Pipe pipe = chunk.pipe();
        if (open == null) {
            file.begin(prefix(chunk.at(), pipe.source, cut.remove(pipe)));
            open = pipe;
        }
        file.write(chunk.bytes(), from, to - from);
    }

    private static byte[] prefix(Instant at, OutputSource source, boolean continued) {
        String tag = source == OutputSource.STDOUT ? "out" : "err";
        return (DateTimeFormatter.ISO_INSTANT.format(at) + " " + tag + (continued ? "+ " : " "))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
