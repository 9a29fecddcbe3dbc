package dev.devstack.agent.names;

import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.RemoteStack;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running stack of the user, followed through its control socket: its live snapshot (which
 * brings every change of state and port) and each unit's last lines, for the page a request gets
 * while the service cannot answer. {@code changed} runs after each batch of events.
 */
public final class FollowedStack implements NamedStack, StackListener, AutoCloseable {

    /** As many lines as the waiting page shows. */
    static final int LINES = 12;

    private final Path socket;
    private final RemoteStack remote;
    private final Runnable changed;
    private final Map<String, Deque<String>> lines = new ConcurrentHashMap<>();

    private FollowedStack(Path socket, RemoteStack remote, Runnable changed) {
        this.socket = socket;
        this.remote = remote;
        this.changed = changed;
    }

    /** Connects and starts following; {@link ControlClient.NotRunning} when no stack answers there. */
    public static FollowedStack follow(Path socket, Clock clock, Runnable changed) throws IOException {
        RemoteStack remote = RemoteStack.connect(socket, "devstack agent", clock);
        FollowedStack followed = new FollowedStack(socket, remote, changed);
        remote.subscribe(followed);
        remote.start();
        return followed;
    }

    public Path socket() {
        return socket;
    }

    @Override
    public StackSnapshot snapshot() {
        return remote.snapshot();
    }

    /** Where the stack's own HTTP API and web page answer, if it has them. */
    public Optional<String> apiUrl() {
        return remote.hello().apiUrl();
    }

    @Override
    public long pid() {
        return remote.hello().pid();
    }

    /** Completes when the stack has stopped or can no longer be reached. */
    public CompletableFuture<?> finished() {
        return remote.finished().handle((outcome, failure) -> null);
    }

    @Override
    public List<String> lastLines(String unit) {
        Deque<String> kept = lines.get(unit);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    @Override
    public void on(StackEvent event) {
        if (event instanceof StackEvent.Output output) {
            Deque<String> kept = lines.computeIfAbsent(output.service(), unit -> new ArrayDeque<>(LINES));
            synchronized (kept) {
                if (kept.size() == LINES) {
                    kept.removeFirst();
                }
                kept.addLast(output.line());
            }
        }
    }

    @Override
    public void caughtUp() {
        changed.run();
    }

    @Override
    public void close() throws InterruptedException {
        remote.close();
    }
}
