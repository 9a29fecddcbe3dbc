package dev.devstack.agent.names;

import dev.devstack.supervisor.control.ControlClient;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Finds the user's running stacks by their control sockets ({@code $DEVSTACK_HOME/control/*.sock},
 * a folder only the user can read) and follows each until it stops, keeping the route table up to
 * date. It looks again every {@link #SCAN} and whenever {@link #look()} is called (a stack announced
 * itself, or a request named a name nobody has yet); a socket that does not answer is skipped.
 */
public final class StackWatcher implements AutoCloseable {

    static final Duration SCAN = Duration.ofSeconds(1);

    private final Path folder;
    private final Clock clock;
    private final RouteTable table;
    private final Consumer<String> log;
    private final Map<Path, FollowedStack> followed = new ConcurrentHashMap<>();
    private final AtomicBoolean lookWaiting = new AtomicBoolean();
    private final ScheduledExecutorService scans = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-agent-stacks");
        thread.setDaemon(true);
        return thread;
    });

    public StackWatcher(Path home, Clock clock, RouteTable table, Consumer<String> log) {
        this.folder = home.resolve("control");
        this.clock = clock;
        this.table = table;
        this.log = log;
    }

    public void start() {
        scans.scheduleWithFixedDelay(this::scan, 0, SCAN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Looks for new stacks now, without waiting for the next scan; at most one such look waits at a
     * time, however many requests for unknown names ask for one.
     */
    public void look() {
        if (lookWaiting.compareAndSet(false, true)) {
            scans.execute(() -> {
                lookWaiting.set(false);
                scan();
            });
        }
    }

    /** The stacks followed now. */
    public List<FollowedStack> stacks() {
        return List.copyOf(followed.values());
    }

    private void scan() {
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(folder, "*.sock")) {
            for (Path socket : sockets) {
                if (!followed.containsKey(socket)) {
                    follow(socket);
                }
            }
        } catch (NoSuchFileException e) {
            // no stack has run yet for this user
        } catch (IOException e) {
            log.accept("cannot list " + folder + ": " + e.getMessage());
        }
    }

    private void follow(Path socket) {
        FollowedStack stack;
        try {
            stack = FollowedStack.follow(socket, clock, this::changed);
        } catch (ControlClient.NotRunning e) {
            return;
        } catch (IOException e) {
            log.accept("cannot follow the stack at " + socket + ": " + e.getMessage());
            return;
        }
        followed.put(socket, stack);
        log.accept("following " + stack.snapshot().project() + " (" + stack.snapshot().instance() + ", pid "
                + stack.pid() + ")");
        changed();
        stack.finished().thenRun(() -> {
            followed.remove(socket, stack);
            log.accept("stopped following " + stack.snapshot().project() + " (pid " + stack.pid() + "): it has stopped");
            changed();
            closeQuietly(stack);
        });
    }

    private void changed() {
        table.update(followed.values());
    }

    @Override
    public void close() {
        scans.shutdownNow();
        followed.values().forEach(StackWatcher::closeQuietly);
        followed.clear();
    }

    private static void closeQuietly(FollowedStack stack) {
        try {
            stack.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
