package dev.devstack.supervisor.control;

import dev.devstack.store.FilePermissions;
import dev.devstack.supervisor.model.RunningStack;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The control socket of a running stack: a Unix socket, private to the user, that speaks the
 * control protocol (docs/protocol.md) with each client on a thread of its own
 * ({@link ControlConnection}). At most {@link #MAX_CLIENTS} at once; a watchdog closes a
 * connection whose client makes the stack wait too long, so no client can hold up another.
 */
public final class ControlServer implements AutoCloseable {

    /** The version of the control protocol; a client of another version is told so and closed. */
    public static final int PROTOCOL = 1;
    static final int MAX_CLIENTS = 128;
    static final Duration LAST_WORDS = Duration.ofSeconds(2);

    private final Path path;
    private final ServerSocketChannel channel;
    private final RunningStack stack;
    private final long pid;
    private final Optional<String> apiUrl;
    private final Consumer<String> warnings;
    private final Set<ControlConnection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-control-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private ControlServer(Path path, ServerSocketChannel channel, RunningStack stack, long pid, Optional<String> apiUrl,
                          Consumer<String> warnings) {
        this.path = path;
        this.channel = channel;
        this.stack = stack;
        this.pid = pid;
        this.apiUrl = apiUrl;
        this.warnings = warnings;
    }

    /**
     * Listens on {@code path}. A socket file left there by a stack that was killed is replaced;
     * one that still answers belongs to a running stack and is left alone (IOException). The hello
     * tells clients the supervisor's {@code pid} and where the stack's HTTP API answers.
     */
    public static ControlServer open(Path path, RunningStack stack, long pid, Optional<String> apiUrl,
                                     Consumer<String> warnings) throws IOException {
        FilePermissions.createPrivateDirectory(path.getParent());
        if (Files.exists(path)) {
            if (ControlClient.answers(path)) {
                throw new IOException("another devstack answers on " + path);
            }
            Files.delete(path);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(path));
            FilePermissions.makePrivate(path);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        ControlServer server = new ControlServer(path, channel, stack, pid, apiUrl, warnings);
        Thread acceptor = new Thread(server::accept, "devstack-control");
        acceptor.setDaemon(true);
        acceptor.start();
        server.watchdog.scheduleWithFixedDelay(server::enforceDeadlines, 1, 1, TimeUnit.SECONDS);
        return server;
    }

    public Path path() {
        return path;
    }

    private void accept() {
        while (true) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                warnings.accept("the control socket " + path + " stopped accepting (" + e.getMessage()
                        + "); other terminals cannot reach this stack, `devstack down` falls back to its pid");
                return;
            }
            if (connections.size() >= MAX_CLIENTS) {
                turnAway(client);
                continue;
            }
            ControlConnection connection = new ControlConnection(client, stack, pid, apiUrl);
            connections.add(connection);
            Thread handler = new Thread(() -> {
                try {
                    connection.serve();
                } finally {
                    connections.remove(connection);
                }
            }, "devstack-control-client");
            handler.setDaemon(true);
            handler.start();
        }
    }

    /** Tells a client over the limit why, if its socket takes the line at once, and closes it. */
    private static void turnAway(SocketChannel client) {
        try (client) {
            client.configureBlocking(false);
            client.write(ByteBuffer.wrap((Replies.refused(MAX_CLIENTS + " clients are connected to this stack"
                    + " already; try again when one has gone") + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // it is turned away either way
        }
    }

    private void enforceDeadlines() {
        long now = System.nanoTime();
        connections.forEach(connection -> connection.enforceDeadline(now));
    }

    /**
     * Stops accepting, then lets each stream write what waits for it and an end line, for at most
     * {@link #LAST_WORDS}, so that a client sees the stack's last events (how each service ended);
     * then closes what is left. Call it after the stack has delivered its last event.
     */
    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            warnings.accept("could not remove the control socket " + path + " (" + e.getMessage() + ")");
        }
        long sequence = stack.lastSequence();
        connections.forEach(connection -> connection.finish(sequence));
        long deadline = System.nanoTime() + LAST_WORDS.toNanos();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        watchdog.shutdownNow();
        connections.forEach(ControlConnection::close);
    }
}
