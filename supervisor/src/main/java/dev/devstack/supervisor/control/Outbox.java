package dev.devstack.supervisor.control;

import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackSnapshot;
import java.util.ArrayDeque;

/**
 * What waits for one streaming client: filled on the stack's events thread (which must never
 * wait for a client), written by the connection's own writer. Events and snapshots wait as the
 * stack's own objects and are made into lines by the writer, so a replay of the whole journal costs
 * no copy and the events thread writes no JSON.
 * When more than {@link #MAX_ITEMS} items or about {@link #MAX_CHARS} characters wait (room for
 * the whole journal and as much again), the client is too slow: what waits is dropped, and a last
 * line says so before the connection is closed.
 */
final class Outbox {

    static final int MAX_ITEMS = 20_000;
    static final long MAX_CHARS = 32L * 1024 * 1024;
    /** What a line costs besides an output line's text: its JSON, its time, its service. */
    private static final int OVERHEAD = 200;

    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private long chars;
    private boolean last;
    private boolean closed;

    /** Queues a line; false (and the client is cut off) when too much is waiting already. */
    synchronized boolean offer(String line) {
        return add(line);
    }

    /** Queues an event, made into its line by the writer; false as for a line. */
    synchronized boolean offer(NumberedEvent event) {
        return add(event);
    }

    /** Queues a snapshot, made into its line by the writer; false as for a line. */
    synchronized boolean offer(StackSnapshot snapshot) {
        return add(snapshot);
    }

    private static long size(Object item) {
        if (item instanceof NumberedEvent event) {
            return OVERHEAD + (event.event() instanceof StackEvent.Output output ? output.line().length() : 0);
        }
        if (item instanceof StackSnapshot snapshot) {
            return OVERHEAD * (1L + snapshot.services().size() + snapshot.ports().size());
        }
        return ((String) item).length();
    }

    private boolean add(Object item) {
        long size = size(item);
        if (last || closed) {
            return false;
        }
        if (items.size() >= MAX_ITEMS || chars + size > MAX_CHARS) {
            items.clear();
            chars = 0;
            finish(Replies.cutOff("this client read too slowly: " + MAX_ITEMS + " lines or " + MAX_CHARS / (1024 * 1024)
                    + " MiB were waiting for it; it was cut off so as not to hold up the stack (subscribe again"
                    + " with \"after\" set to the last sequence it saw)"));
            return false;
        }
        items.addLast(item);
        chars += size;
        notifyAll();
        return true;
    }

    /** Queues a last line; after it, the writer closes the connection. */
    synchronized void finish(String line) {
        if (!last && !closed) {
            items.addLast(line);
            chars += size(line);
            last = true;
            notifyAll();
        }
    }

    /** The next line to write, waiting for one; null when there is nothing more to write. */
    String take() throws InterruptedException {
        Object item;
        synchronized (this) {
            while (items.isEmpty() && !last && !closed) {
                wait();
            }
            if (closed || items.isEmpty()) {
                return null;
            }
            item = items.removeFirst();
            chars -= size(item);
        }
        if (item instanceof NumberedEvent event) {
            return Replies.event(event);
        }
        return item instanceof StackSnapshot snapshot ? Replies.snapshotItem(snapshot) : (String) item;
    }

    /** Nothing more is written: the client went away. */
    synchronized void close() {
        closed = true;
        items.clear();
        notifyAll();
    }
}
