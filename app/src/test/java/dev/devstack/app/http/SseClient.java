package dev.devstack.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One server-sent event stream, read on a thread of its own into events a test waits for with a deadline. */
final class SseClient implements AutoCloseable {

    /** One event as the stream framed it; {@code id} is null where the server sent none. */
    record Event(String id, String event, JsonNode data) {
        long sequence() {
            return Long.parseLong(id);
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean ended;
    private volatile boolean endedCleanly;
    private final CountDownLatch finished = new CountDownLatch(1);

    SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-sse");
        reader.setDaemon(true);
        reader.start();
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (event != null) {
                        events.add(new Event(id, event, ApiClient.parse(data.toString())));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            endedCleanly = true;
        } catch (RuntimeException closed) {
            // the test closed the stream, or the server broke it off
        } finally {
            ended = true;
            finished.countDown();
        }
    }

    /** The next event, waiting up to {@code timeout}. */
    Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event within " + timeout.toMillis() + " ms" + (ended ? " (the stream ended)" : ""));
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the server to end the stream: true when it ended it properly (its last chunk), false when it broke it off. */
    boolean endsCleanly(Duration timeout) {
        try {
            if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the stream did not end within " + timeout.toMillis() + " ms");
            }
            return endedCleanly;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event up to and including the first that {@code last} accepts. */
    List<Event> until(Duration timeout, Predicate<Event> last) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> seen = new ArrayList<>();
        while (true) {
            long left = Math.max(1, deadline - System.nanoTime());
            Event event;
            try {
                event = next(Duration.ofNanos(left));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; got " + seen.size() + " events, the last: "
                        + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)));
            }
            seen.add(event);
            if (last.test(event)) {
                return seen;
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
