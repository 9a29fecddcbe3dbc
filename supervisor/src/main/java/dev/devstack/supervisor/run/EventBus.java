package dev.devstack.supervisor.run;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers events to listeners in order on one thread, so that the threads that produce them
 * (process output, the supervisor) never wait for a slow terminal. {@link #close} delivers what
 * is queued, then stops.
 */
final class EventBus implements AutoCloseable {

    private static final StackEvent.Notice END = new StackEvent.Notice(Instant.EPOCH, "", "");

    private final LinkedBlockingQueue<StackEvent> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<StackEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Thread dispatcher;

    EventBus() {
        dispatcher = new Thread(this::dispatch, "devstack-events");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void publish(StackEvent event) {
        queue.add(event);
    }

    AutoCloseable subscribe(Consumer<StackEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void dispatch() {
        try {
            while (true) {
                StackEvent event = queue.take();
                if (event == END) {
                    return;
                }
                for (Consumer<StackEvent> listener : listeners) {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException e) {
                        // a broken view (say, a closed terminal) must not stop the others from hearing
                        listeners.remove(listener);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
