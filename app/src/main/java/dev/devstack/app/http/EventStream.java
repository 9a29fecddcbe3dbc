package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import dev.devstack.supervisor.json.JsonDocument;
import dev.devstack.supervisor.json.StackEventJson;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.JournalListener;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackJournal;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.Subscription;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One client's server-sent events: {@code id:} is the journal's number, {@code event:} the
 * event's kind, {@code data:} its JSON document on one line. The journal hands events over on the
 * stack's events thread, which must never wait for a client, so they queue here; a client that
 * lets more than {@value #QUEUE_LIMIT} wait is cut off: it is told so if its connection takes the
 * message, and its connection is closed under the writer otherwise ({@link #enforce}).
 */
final class EventStream implements JournalListener {

    /**
     * As many events as the journal holds: a client further behind could not resume where it was
     * anyway, and the queue holds only references to the journal's own events.
     */
    static final int QUEUE_LIMIT = 10_000;
    /** A comment this often keeps proxies and clients from taking a quiet stream for a dead one. */
    static final long KEEP_ALIVE_SECONDS = 15;
    /** How long a cut-off client's writer may take to say so before its connection is closed. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private sealed interface Item {
    }

    private record Event(NumberedEvent event) implements Item {
    }

    private record Missed(long first, long last) implements Item {
    }

    private record Snapshot(long sequence, StackSnapshot snapshot) implements Item {
    }

    private record Wake() implements Item {
    }

    /** The server closes: what was queued before it is written, then the response ends properly. */
    private record End() implements Item {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Predicate<StackEvent> wanted;
    private final Optional<Supplier<StackSnapshot>> snapshots;
    private volatile StackSnapshot lastSnapshot;
    private volatile boolean replaying = true;
    private volatile long cutOffAt;
    private Thread writer;
    private long lastSent;

    /**
     * @param snapshots where to read the stack from after each event that changed it, so that a
     *                  client that asked for them ({@code ?snapshots=true}) gets each change whole
     */
    EventStream(Predicate<StackEvent> wanted, Optional<Supplier<StackSnapshot>> snapshots) {
        this.wanted = wanted;
        this.snapshots = snapshots;
    }

    /** The whole stack as it is, before the events that follow {@code sequence}: a new client's start. */
    void snapshot(long sequence, StackSnapshot snapshot) {
        lastSnapshot = snapshot;
        queue.add(new Snapshot(sequence, snapshot));
    }

    /** Held events to send first (a service's last lines), however many. */
    void history(List<NumberedEvent> events) {
        events.forEach(event -> queue.add(new Event(event)));
    }

    /** Follows the journal from after {@code after}; what it replays is queued whatever its number. */
    Subscription follow(StackJournal journal, long after) {
        Subscription subscription = journal.follow(after, this);
        replaying = false;
        return subscription;
    }

    @Override
    public void on(NumberedEvent event) {
        if (cutOffAt != 0 || !wanted.test(event.event())) {
            return;
        }
        if (!replaying && queue.size() >= QUEUE_LIMIT) {
            cutOffAt = System.nanoTime();
            queue.add(new Wake());
            return;
        }
        queue.add(new Event(event));
        if (snapshots.isPresent() && !(event.event() instanceof StackEvent.Output)) {
            StackSnapshot now = snapshots.get().get();
            if (now != lastSnapshot) {
                lastSnapshot = now;
                queue.add(new Snapshot(event.sequence(), now));
            }
        }
    }

    @Override
    public void missed(long first, long last) {
        queue.add(new Missed(first, last));
    }

    /** Answers the request with the stream until the client leaves, is cut off, or the server closes; on its handler thread. */
    void serve(HttpExchange exchange, Subscription subscription) {
        synchronized (this) {
            writer = Thread.currentThread();
        }
        try (subscription; exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            write(exchange.getResponseBody());
        } catch (IOException | InterruptedException gone) {
            // the client left, or was cut off while its connection took nothing more
        } finally {
            synchronized (this) {
                writer = null;
                Thread.interrupted();
            }
        }
    }

    private void write(OutputStream out) throws IOException, InterruptedException {
        while (true) {
            Item item = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
            if (item instanceof End) {
                out.flush();
                return;
            }
            if (cutOffAt != 0) {
                out.write(cutOff());
                out.flush();
                return;
            }
            if (item == null) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } else if (!(item instanceof Wake)) {
                out.write(format(item));
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        }
    }

    /** Closes the connection under a writer that a cut-off left waiting on it. */
    synchronized void enforce(long now) {
        if (writer != null && cutOffAt != 0 && now - cutOffAt > GRACE_NANOS) {
            writer.interrupt();
        }
    }

    /** Ends the stream once what is queued now has been written (the stack's last events). */
    void close() {
        queue.add(new End());
    }

    /** Closes the connection under a writer that did not finish when the server closed. */
    synchronized void abandon() {
        if (writer != null) {
            writer.interrupt();
        }
    }

    private byte[] format(Item item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        if (item instanceof Event event) {
            StackEvent value = event.event().event();
            lastSent = event.event().sequence();
            head(out, lastSent, StackEventJson.kind(value));
            JsonDocument.writeCompact(out, StackSnapshotJson.SCHEMA_VERSION, json -> StackEventJson.fields(json, value));
        } else if (item instanceof Snapshot snapshot) {
            lastSent = snapshot.sequence();
            head(out, lastSent, "snapshot");
            JsonDocument.writeCompact(out, StackSnapshotJson.SCHEMA_VERSION,
                    json -> StackSnapshotJson.fields(json, snapshot.snapshot()));
        } else {
            Missed missed = (Missed) item;
            head(out, missed.last(), "missed");
            out.writeBytes(ApiJson.document(json -> {
                json.writeNumberField("first", missed.first());
                json.writeNumberField("last", missed.last());
            }));
        }
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private byte[] cutOff() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes("event: cut_off\ndata: ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ApiJson.document(json -> {
            json.writeStringField("reason", "this client read too slowly: " + QUEUE_LIMIT + " events waited for it;"
                    + " reconnect with Last-Event-ID to go on from the last one it got");
            json.writeNumberField("last_event_id", lastSent);
        }));
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void head(ByteArrayOutputStream out, long id, String event) {
        out.writeBytes(("id: " + id + "\nevent: " + event + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
    }
}
