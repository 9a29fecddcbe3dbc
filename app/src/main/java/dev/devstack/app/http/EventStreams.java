package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import dev.devstack.supervisor.model.StackJournal;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open event streams: at most {@value #MAX_STREAMS}, since each keeps one of the server's
 * threads for as long as it lasts and the others must stay free for requests; and a watchdog
 * that closes the connections of the clients that were cut off and read nothing more.
 */
final class EventStreams implements AutoCloseable {

    static final int MAX_STREAMS = 32;

    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-http-watch");
        thread.setDaemon(true);
        return thread;
    });

    EventStreams() {
        watchdog.scheduleWithFixedDelay(() -> open.forEach(stream -> stream.enforce(System.nanoTime())),
                250, 250, TimeUnit.MILLISECONDS);
    }

    /** Follows the journal from after {@code after} and answers with the stream; 503 when too many are open. */
    void serve(HttpExchange exchange, EventStream stream, StackJournal journal, long after) throws IOException {
        if (open.size() >= MAX_STREAMS) {
            Reply.error(exchange, 503, MAX_STREAMS + " event streams are open, the most this API serves at once;"
                    + " close one and try again");
            return;
        }
        open.add(stream);
        try {
            stream.serve(exchange, stream.follow(journal, after));
        } finally {
            open.remove(stream);
        }
    }

    @Override
    public void close() {
        open.forEach(EventStream::close);
        open.forEach(stream -> stream.enforce(System.nanoTime()));
        watchdog.shutdownNow();
    }
}
