package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import dev.devstack.supervisor.model.StackJournal;
import dev.devstack.supervisor.model.Subscription;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open event streams, each written by a thread of its own for as long as it lasts (apart from
 * the few that answer requests, so that a stream never makes a request wait): at most
 * {@value #MAX_STREAMS}; and a watchdog that closes the connections of the clients that were cut
 * off and read nothing more.
 */
final class EventStreams implements AutoCloseable {

    static final int MAX_STREAMS = 32;
    /** How long the streams may take to write the stack's last events when the server closes. */
    static final long CLOSE_GRACE_MILLIS = 1_000;

    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor writers;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-http-watch");
        thread.setDaemon(true);
        return thread;
    });

    EventStreams() {
        AtomicInteger count = new AtomicInteger();
        writers = new ThreadPoolExecutor(0, MAX_STREAMS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "devstack-http-events-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(() -> open.forEach(stream -> stream.enforce(System.nanoTime())),
                250, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * Follows the journal from after {@code after} and hands the stream to a writer of its own,
     * which answers and closes the exchange; 503 when too many are open.
     */
    synchronized void serve(HttpExchange exchange, EventStream stream, StackJournal journal, long after)
            throws IOException {
        if (open.size() >= MAX_STREAMS) {
            tooMany(exchange);
            return;
        }
        open.add(stream);
        Subscription subscription = stream.follow(journal, after);
        try {
            writers.execute(() -> {
                try {
                    stream.serve(exchange, subscription);
                } finally {
                    open.remove(stream);
                }
            });
        } catch (RejectedExecutionException stillEnding) {
            // a stream that ended is off the list a moment before its thread is free
            subscription.close();
            open.remove(stream);
            tooMany(exchange);
        }
    }

    private static void tooMany(HttpExchange exchange) throws IOException {
        Reply.error(exchange, 503, MAX_STREAMS + " event streams are open, the most this API serves at once;"
                + " close one and try again");
    }

    /**
     * Lets each stream write what it holds and end properly (a browser then sees the stream end, not
     * break), and closes those that could not within {@value #CLOSE_GRACE_MILLIS} ms.
     */
    @Override
    public void close() {
        watchdog.shutdownNow();
        open.forEach(EventStream::close);
        writers.shutdown();
        try {
            writers.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.forEach(EventStream::abandon);
        writers.shutdownNow();
    }
}
