package dev.devstack.agent.socket;

import dev.devstack.app.agent.AgentClient;
import dev.devstack.store.FilePermissions;
import dev.devstack.supervisor.DevstackException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The agent's Unix socket ({@code $DEVSTACK_HOME/agent.sock}, 0600 in a 0700 folder): one JSON
 * object a line both ways, as the stacks' control socket (docs/protocol.md), each client on a
 * thread of its own ({@link AgentConnection}), at most {@link #MAX_CLIENTS} at once. A watchdog
 * closes a connection whose client makes the agent wait too long.
 */
public final class AgentSocket implements AutoCloseable {

    static final int MAX_CLIENTS = 128;

    private final Path path;
    private final ServerSocketChannel channel;
    private final Map<String, AgentHandler> handlers;
    private final Runnable onRequest;
    private final Set<AgentConnection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-agent-socket-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private AgentSocket(Path path, ServerSocketChannel channel, Map<String, AgentHandler> handlers, Runnable onRequest) {
        this.path = path;
        this.channel = channel;
        this.handlers = Map.copyOf(handlers);
        this.onRequest = onRequest;
    }

    /**
     * Listens on {@code socket}, answering each request by the handler of its name ({@code hello}
     * too, after the socket has checked the protocol). {@code onRequest} runs on every line a client
     * sends, before it is answered: the agent counts it as activity. A socket file left by an agent
     * that was killed is replaced; if an agent answers there, throws (already running) with its pid.
     */
    public static AgentSocket open(Path socket, Map<String, AgentHandler> handlers, Runnable onRequest)
            throws IOException {
        FilePermissions.createPrivateDirectory(socket.getParent());
        if (Files.exists(socket)) {
            Optional<AgentClient> other = AgentClient.at(socket, "devstack agent (starting)");
            if (other.isPresent()) {
                String pid = other.get().hello().path("pid").asText("");
                other.get().close();
                throw DevstackException.alreadyRunning("a devstack agent" + (pid.isEmpty() ? "" : " (pid " + pid + ")")
                        + " already answers on " + socket + "; `devstack agent status` tells about it, `devstack agent"
                        + " stop` stops it");
            }
            Files.delete(socket);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
            FilePermissions.makePrivate(socket);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        AgentSocket server = new AgentSocket(socket, channel, handlers, onRequest);
        Thread acceptor = new Thread(server::accept, "devstack-agent-socket");
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
            } catch (IOException closed) {
                return;
            }
            if (connections.size() >= MAX_CLIENTS) {
                turnAway(client);
                continue;
            }
            AgentConnection connection = new AgentConnection(client, handlers, onRequest);
            connections.add(connection);
            Thread thread = new Thread(() -> {
                try {
                    connection.serve();
                } finally {
                    connections.remove(connection);
                }
            }, "devstack-agent-client");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Tells a client over the limit why, if its socket takes the line at once, and closes it. */
    private static void turnAway(SocketChannel client) {
        try (client) {
            client.configureBlocking(false);
            client.write(ByteBuffer.wrap((AgentReplies.refused(MAX_CLIENTS + " clients are connected to the devstack"
                    + " agent already; try again when one has gone") + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // it is turned away either way
        }
    }

    private void enforceDeadlines() {
        long now = System.nanoTime();
        connections.forEach(connection -> connection.enforceDeadline(now));
    }

    /** Stops accepting, removes the socket file and closes every connection. */
    @Override
    public void close() throws IOException {
        channel.close();
        watchdog.shutdownNow();
        connections.forEach(AgentConnection::close);
        Files.deleteIfExists(path);
    }
}
