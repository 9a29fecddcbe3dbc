package dev.devstack.supervisor.control;

import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stack that runs in another devstack, seen and driven through its control socket as if it ran
 * here (the dashboard of `devstack attach`). One connection streams the snapshot and every event
 * the stack still holds, then each new one; each request goes on a connection of its own, off the
 * caller's thread, so that neither waits behind the other. A stream the stack cut off (this side
 * read too slowly) is taken up again after the last event seen, and a gap is told as a notice.
 * {@link #finished()} completes when the stack has stopped: the stream ended and nothing answers.
 */
public final class RemoteStack implements StackView, StackControl, AutoCloseable {

    /** Events read but not yet delivered; when full, reading waits, and the stack may cut this client off. */
    private static final int WAITING_EVENTS = 10_000;

    private final Path socket;
    private final String by;
    private final Clock clock;
    private final ControlClient.StackHello hello;
    private final List<StackListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<StackEvent> waiting = new LinkedBlockingQueue<>(WAITING_EVENTS);
    private final ExecutorService requests = Executors.newSingleThreadExecutor(runnable -> daemon(runnable,
            "devstack-remote-requests"));
    private final CompletableFuture<StackOutcome> finished = new CompletableFuture<>();
    private final Thread reader = daemon(this::read, "devstack-remote-stream");
    private final Thread delivery = daemon(this::deliver, "devstack-remote-events");
    private volatile ControlClient stream;
    private volatile StackSnapshot snapshot;
    private volatile boolean stopAsked;
    private volatile boolean closed;
    /** The number of the last event read; touched by the reading thread only. */
    private long lastSeen;

    private RemoteStack(Path socket, String by, Clock clock, ControlClient stream, StackSnapshot snapshot) {
        this.socket = socket;
        this.by = by;
        this.clock = clock;
        this.hello = stream.hello();
        this.stream = stream;
        this.snapshot = snapshot;
    }

    /**
     * Connects to the stack on {@code socket} and takes its snapshot; {@code by} names this client
     * in the stack's output ("`devstack attach` (pid 4242)"); {@code clock} times its own notices.
     * Events are read once {@link #start()} is called; {@link ControlClient.NotRunning} when no
     * stack answers.
     */
    public static RemoteStack connect(Path socket, String by, Clock clock) throws IOException {
        ControlClient client = ControlClient.connect(socket, by);
        try {
            return new RemoteStack(socket, by, clock, client, subscribe(client, 0));
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Every event after {@code after} that the stack still holds, then each new one, with the snapshot. */
    private static StackSnapshot subscribe(ControlClient client, long after) throws IOException {
        return client.stream(new ControlRequest.Subscribe(after, true))
                .orElseThrow(() -> new IOException("the stack began the stream without its snapshot"));
    }

    /** What the stack said of itself when this client connected: its project, instance and pid. */
    public ControlClient.StackHello hello() {
        return hello;
    }

    /**
     * Begins delivering events to the listeners: first those the stack still holds (its recent
     * output, for the log panes), then each new one.
     */
    public void start() {
        reader.start();
        delivery.start();
    }

    @Override
    public StackSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public Subscription subscribe(StackListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Completes when the stack has stopped, with how it looked last and whether this client asked
     * it to stop; exceptionally when the connection was lost while the stack may still run.
     */
    public CompletableFuture<StackOutcome> finished() {
        return finished;
    }

    @Override
    public void startService(String service) {
        act(service, new ControlRequest.Act.Start(List.of(service), by));
    }

    @Override
    public void stopService(String service, Optional<String> asker) {
        act(service, new ControlRequest.Act.Stop(List.of(service), asker.orElse(by)));
    }

    @Override
    public void restartService(String service) {
        act(service, new ControlRequest.Act.Restart(List.of(service), by));
    }

    @Override
    public void killService(String service) {
        act(service, new ControlRequest.Act.Kill(List.of(service), by));
    }

    @Override
    public void input(String service, String line) {
        act(service, new ControlRequest.Input(service, line));
    }

    @Override
    public void resizeTerminals(int columns, int rows) {
        act("", new ControlRequest.Resize(columns, rows));
    }

    @Override
    public CompletableFuture<StackOutcome> stop() {
        stopAsked = true;
        act("", new ControlRequest.Down(by));
        return finished;
    }

    @Override
    public CompletableFuture<ReloadOutcome> reload(Optional<String> asker) {
        return reconfigure(new ControlRequest.Reload(asker.orElse(by)));
    }

    @Override
    public CompletableFuture<ReloadOutcome> scale(String service, int replicas, Optional<String> asker) {
        return reconfigure(new ControlRequest.Scale(service, replicas, asker.orElse(by)));
    }

    /** Asked on a connection of its own, in order with the rest; a refusal or failure completes it exceptionally. */
    @Override
    public CompletableFuture<ServiceInspection> inspect(String service) {
        return CompletableFuture.supplyAsync(() -> {
            try (ControlClient client = ControlClient.connect(socket, by)) {
                return client.inspect(service);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, requests);
    }

    /** A reload or a scale, asked in order with the rest; a connection that fails is a refusal that says so. */
    private CompletableFuture<ReloadOutcome> reconfigure(ControlRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try (ControlClient client = ControlClient.connect(socket, by)) {
                return client.reload(request);
            } catch (IOException e) {
                return new ReloadOutcome.Refused("could not ask the stack (" + e.getMessage() + ")", List.of());
            }
        }, requests);
    }

    /** Asks on a connection of its own, in the order asked; a refusal or failure is told as a notice. */
    private void act(String service, ControlRequest request) {
        requests.execute(() -> {
            try (ControlClient client = ControlClient.connect(socket, by)) {
                client.request(request);
            } catch (ControlClient.Refused e) {
                tell(service, "the stack refused: " + e.getMessage());
            } catch (IOException e) {
                tell(service, "could not ask the stack (" + e.getMessage() + ")");
            }
        });
    }

    /** Reads the stream, and takes it up again when it is cut off, until the stack stops or this is closed. */
    private void read() {
        ControlClient client = stream;
        while (!closed) {
            Optional<String> broken;
            try {
                broken = follow(client)
                        ? Optional.of("the stack cut this dashboard off, as it read too slowly")
                        : Optional.empty();
            } catch (IOException e) {
                broken = Optional.of("the connection to the stack failed (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                return;
            }
            client.close();
            if (closed) {
                return;
            }
            try {
                client = ControlClient.connect(socket, by);
                if (!following(client)) {
                    return;
                }
                snapshot = subscribe(client, lastSeen);
            } catch (IOException e) {
                if (e instanceof ControlClient.NotRunning || !ControlClient.answers(socket)) {
                    finished.complete(new StackOutcome(stopAsked, snapshot.services(), Optional.empty()));
                } else {
                    finished.completeExceptionally(e);
                }
                return;
            }
            broken.ifPresent(why -> tell("", why + "; it reconnected"));
        }
    }

    /** Makes {@code client} the stream that {@link #close()} ends; false (and closes it) if that has happened. */
    private synchronized boolean following(ControlClient client) {
        if (closed) {
            client.close();
            return false;
        }
        stream = client;
        return true;
    }

    /**
     * Hands on what the stream brings until it ends: false when the stack closed it (it stops, or
     * closed a client that kept it waiting), true when it cut this client off for reading too slowly.
     */
    private boolean follow(ControlClient client) throws IOException, InterruptedException {
        while (true) {
            Optional<StreamItem> next = client.nextItem();
            if (next.isEmpty()) {
                return false;
            }
            StreamItem item = next.get();
            if (item instanceof StreamItem.Event event) {
                lastSeen = event.event().sequence();
                waiting.put(event.event().event());
            } else if (item instanceof StreamItem.Snapshot now) {
                snapshot = now.snapshot();
            } else if (item instanceof StreamItem.Missed missed && lastSeen > 0) {
                tell("", (missed.last() - missed.first() + 1) + " events were no longer held by the stack and are"
                        + " missing here; every line each service printed is in its log file");
            } else if (item instanceof StreamItem.CutOff) {
                return true;
            }
        }
    }

    /** Delivers the events in order on one thread, and tells the listeners whenever none is waiting. */
    private void deliver() {
        try {
            while (true) {
                StackEvent event = waiting.take();
                do {
                    for (StackListener listener : listeners) {
                        listener.on(event);
                    }
                    event = waiting.poll();
                } while (event != null);
                listeners.forEach(StackListener::caughtUp);
            }
        } catch (InterruptedException closing) {
            // close() ends the deliveries
        }
    }

    /** A notice of this client's own, delivered in turn with the stack's events. */
    private void tell(String service, String message) {
        try {
            waiting.put(new StackEvent.Notice(clock.instant(), service, message));
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reading and delivering; requests already made are still sent, within their reply timeout. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            stream.close();
        }
        reader.interrupt();
        delivery.interrupt();
        requests.shutdown();
        requests.awaitTermination(ControlClient.REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
