package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events to listeners in order on one thread, so that the threads that produce them
 * (process output, the supervisor) never wait for a slow terminal. State changes and notices
 * always get through. Output lines wait in a queue of at most {@link #MAX_WAITING_LINES} lines and
 * {@link #MAX_WAITING_CHARS} characters (a line is shown in pieces of up to 64 Ki characters, so a
 * count of lines alone would allow gigabytes); when a view cannot keep up with that, further lines
 * are skipped for the views only (every line is in the service's log file) and a notice says how
 * many, once the queue has room again.
 * {@link #close} delivers what is queued, then stops.
 */
final class EventBus implements AutoCloseable {

    static final int MAX_WAITING_LINES = 20_000;
    static final long MAX_WAITING_CHARS = 16L * 1024 * 1024;
    private static final StackEvent.Notice END = new StackEvent.Notice(Instant.EPOCH, "", "");

    private final Clock clock;
    private final LinkedBlockingQueue<StackEvent> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger waitingLines = new AtomicInteger();
    private final AtomicLong waitingChars = new AtomicLong();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final List<StackListener> listeners = new CopyOnWriteArrayList<>();
    private final EventJournal journal = new EventJournal();
    private final Thread dispatcher;

    EventBus(Clock clock) {
        this.clock = clock;
        dispatcher = new Thread(this::dispatch, "devstack-events");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void publish(StackEvent event) {
        queue.add(event);
    }

    /** A line of output: queued unless too many are waiting already, then counted as skipped. */
    void publishLine(StackEvent.Output line) {
        int chars = line.line().length();
        int lines = waitingLines.incrementAndGet();
        if (waitingChars.addAndGet(chars) > MAX_WAITING_CHARS || lines > MAX_WAITING_LINES) {
            waitingLines.decrementAndGet();
            waitingChars.addAndGet(-chars);
            synchronized (skipped) {
                skipped.merge(line.service(), 1L, Long::sum);
            }
            return;
        }
        queue.add(line);
    }

    Subscription subscribe(StackListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The numbered events delivered so far, for clients that come and go. */
    EventJournal journal() {
        return journal;
    }

    private void dispatch() {
        List<StackEvent> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch);
                for (StackEvent event : batch) {
                    if (event == END) {
                        reportSkipped();
                        caughtUp();
                        return;
                    }
                    if (event instanceof StackEvent.Output output) {
                        waitingLines.decrementAndGet();
                        waitingChars.addAndGet(-output.line().length());
                    }
                    deliver(event);
                }
                batch.clear();
                if (waitingLines.get() < MAX_WAITING_LINES / 2 && waitingChars.get() < MAX_WAITING_CHARS / 2) {
                    reportSkipped();
                }
                caughtUp();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportSkipped() {
        Map<String, Long> counts;
        synchronized (skipped) {
            if (skipped.isEmpty()) {
                return;
            }
            counts = new LinkedHashMap<>(skipped);
            skipped.clear();
        }
        counts.forEach((service, lines) -> deliver(new StackEvent.Notice(clock.instant(), service, lines
                + " lines not shown: the terminal could not keep up; every line is in .devstack/logs/" + service
                + ".log")));
    }

    private void deliver(StackEvent event) {
        journal.append(event);
        for (StackListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                // a broken view (say, a closed terminal) must not stop the others from hearing
                listeners.remove(listener);
            }
        }
    }

    private void caughtUp() {
        for (StackListener listener : listeners) {
            try {
                listener.caughtUp();
            } catch (RuntimeException e) {
                listeners.remove(listener);
            }
        }
    }

    @Override
    public void close() {
        queue.add(END);
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
