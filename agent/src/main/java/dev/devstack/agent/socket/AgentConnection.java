package dev.devstack.agent.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.supervisor.control.LineReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One client of the agent's socket, on a thread of its own: the hello, then requests, each
 * answered before the next is read, until the client closes. A deadline guards every wait on the
 * client; {@link AgentSocket}'s watchdog closes a connection that passes it.
 */
final class AgentConnection {

    static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final Map<String, AgentHandler> handlers;
    private final Runnable onRequest;
    private volatile long deadline;

    AgentConnection(SocketChannel channel, Map<String, AgentHandler> handlers, Runnable onRequest) {
        this.channel = channel;
        this.handlers = handlers;
        this.onRequest = onRequest;
    }

    /** Closes the connection if a wait on the client has passed its deadline. */
    void enforceDeadline(long now) {
        long due = deadline;
        if (due != 0 && now - due > 0) {
            close();
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket whose peer is gone
        }
    }

    void serve() {
        try (channel) {
            LineReader reader = new LineReader(channel);
            Duration wait = HELLO_TIMEOUT;
            boolean greeted = false;
            while (true) {
                waitAtMost(wait);
                Optional<String> line;
                try {
                    line = reader.next();
                } catch (LineReader.TooLong e) {
                    deadline = 0;
                    write(AgentReplies.refused(e.getMessage()));
                    continue;
                }
                deadline = 0;
                if (line.isEmpty()) {
                    return;
                }
                onRequest.run();
                if (!greeted) {
                    if (!greet(line.get())) {
                        return;
                    }
                    greeted = true;
                    wait = IDLE_TIMEOUT;
                } else {
                    write(answer(line.get()));
                }
            }
        } catch (IOException e) {
            // the client went away, or was too slow and was closed by the watchdog
        }
    }

    private boolean greet(String line) throws IOException {
        JsonNode hello = parse(line).orElse(null);
        if (hello == null || !hello.isObject() || !"hello".equals(hello.path("request").textValue())) {
            write(AgentReplies.refused("the first line must be a hello: {\"request\":\"hello\",\"protocol\":"
                    + AgentClient.PROTOCOL + ",\"client\":\"my-script\"} (docs/protocol.md)"));
            return false;
        }
        JsonNode protocol = hello.path("protocol");
        if (!protocol.isInt() || protocol.intValue() != AgentClient.PROTOCOL) {
            write(AgentReplies.refused("the devstack agent speaks protocol " + AgentClient.PROTOCOL + ", the client "
                    + (protocol.isMissingNode() ? "did not say which" : protocol)
                    + ": use the devstack that started the agent, or `devstack agent stop` and start it again"));
            return false;
        }
        ObjectNode reply = AgentReplies.ok(JSON.createObjectNode().put("protocol", AgentClient.PROTOCOL));
        AgentHandler own = handlers.get("hello");
        if (own != null) {
            ObjectNode more = await(() -> own.answer(hello));
            if (!more.path("ok").asBoolean(true)) {
                write(more);
                return false;
            }
            reply.setAll(more);
        }
        write(reply);
        return true;
    }

    private ObjectNode answer(String line) {
        Optional<JsonNode> parsed = parse(line);
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            return AgentReplies.refused("not a request (one JSON object per line, docs/protocol.md): " + abridged(line));
        }
        JsonNode request = parsed.get();
        String name = request.path("request").asText("");
        if (name.equals("hello")) {
            return AgentReplies.refused("hello was said already; send a request");
        }
        AgentHandler handler = handlers.get(name);
        if (handler == null) {
            return AgentReplies.refused("unknown request " + (name.isEmpty() ? "(none)" : "\"" + name + "\"")
                    + "; the devstack agent knows: " + String.join(", ", new TreeSet<>(handlers.keySet())));
        }
        return await(() -> handler.answer(request));
    }

    private static ObjectNode await(Supplier<CompletableFuture<ObjectNode>> answer) {
        try {
            return AgentReplies.ok(answer.get().get());
        } catch (ExecutionException e) {
            return AgentReplies.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AgentReplies.refused("the devstack agent is stopping");
        } catch (RuntimeException e) {
            return AgentReplies.failed(e);
        }
    }

    private static Optional<JsonNode> parse(String line) {
        try {
            return Optional.ofNullable(JSON.readTree(line));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String abridged(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    private void write(ObjectNode reply) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(reply) + "\n").getBytes(StandardCharsets.UTF_8));
        waitAtMost(WRITE_TIMEOUT);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        deadline = 0;
    }

    private void waitAtMost(Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
    }
}
