package dev.devstack.supervisor.control;

import java.util.ArrayDeque;

/**
 * The lines waiting for one streaming client, filled on the stack's events thread (which must
 * never wait for a client) and written by the connection's own writer. When more than
 * {@link #MAX_LINES} lines or {@link #MAX_CHARS} characters wait, the client is too slow: what
 * waits is dropped, and a last line says so before the connection is closed.
 */
final class Outbox {

    static final int MAX_LINES = 10_000;
    static final long MAX_CHARS = 8L * 1024 * 1024;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long chars;
    private boolean last;
    private boolean closed;

    /** Queues a line; false (and the client is cut off) when too much is waiting already. */
    synchronized boolean offer(String line) {
        if (last || closed) {
            return false;
        }
        if (lines.size() >= MAX_LINES || chars + line.length() > MAX_CHARS) {
            lines.clear();
            chars = 0;
            finish(Replies.cutOff("this client read too slowly: " + MAX_LINES + " lines or " + MAX_CHARS / (1024 * 1024)
                    + " MiB were waiting for it; it was cut off so as not to hold up the stack (subscribe again"
                    + " with \"after\" set to the last sequence it saw)"));
            return false;
        }
        lines.addLast(line);
        chars += line.length();
        notifyAll();
        return true;
    }

    /** Queues a last line; after it, the writer closes the connection. */
    synchronized void finish(String line) {
        if (!last && !closed) {
            lines.addLast(line);
            chars += line.length();
            last = true;
            notifyAll();
        }
    }

    /** The next line to write, waiting for one; null when there is nothing more to write. */
    synchronized String take() throws InterruptedException {
        while (lines.isEmpty() && !last && !closed) {
            wait();
        }
        if (closed || lines.isEmpty()) {
            return null;
        }
        String line = lines.removeFirst();
        chars -= line.length();
        return line;
    }

    /** Nothing more is written: the client went away. */
    synchronized void close() {
        closed = true;
        lines.clear();
        notifyAll();
    }
}
