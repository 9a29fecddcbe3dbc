package dev.devstack.app.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devstack.supervisor.DevstackException;
import dev.devstack.supervisor.control.LineReader;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A connection to the user's devstack agent over its Unix socket, greeted: requests and their
 * replies, one JSON object a line (docs/protocol.md, "The agent's socket and registry API").
 * Knows nothing of the agent's own classes, so a command that asks the agent loads no more than this.
 */
public final class AgentClient implements AutoCloseable {

    /** The version of the agent's protocol; an agent of another one is not used. */
    public static final int PROTOCOL = 1;
    static final Duration HELLO_TIMEOUT = Duration.ofSeconds(2);
    /** A claim waits for its batch, which may wait up to 10 s for another devstack to finish with the registry. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final String FILE = "agent.sock";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Timer TIMEOUTS = new Timer("devstack-agent-timeouts", true);

    private final SocketChannel channel;
    private final LineReader reader;
    private ObjectNode hello;

    /** The agent answered, and refused: {@link #getMessage()} is its reason, for the user. */
    public static final class Refused extends IOException {
        private final transient JsonNode reply;

        Refused(JsonNode reply) {
            super(reply.path("error").asText("the devstack agent refused without saying why"));
            this.reply = reply;
        }

        /** The failure as devstack reports it without the agent: same words, same exit code. */
        public DevstackException failure() {
            return AgentError.exception(reply);
        }
    }

    private AgentClient(SocketChannel channel) {
        this.channel = channel;
        this.reader = new LineReader(channel);
    }

    /** Where the agent of {@code home} listens. */
    public static Path socket(Path home) {
        return home.resolve(FILE);
    }

    /** {@link #at} the socket of {@code home}. */
    public static Optional<AgentClient> connect(Path home, String client) {
        return at(socket(home), client);
    }

    /**
     * Connects and says hello, or empty when no agent of this protocol answers: without a socket
     * file or with one nobody listens on, at once; an agent that does not answer its hello, within
     * {@link #HELLO_TIMEOUT}. {@code client} names the asker ("devstack claim").
     */
    public static Optional<AgentClient> at(Path socket, String client) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            return Optional.empty();
        }
        AgentClient agent = new AgentClient(channel);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ObjectNode hello = JSON.createObjectNode().put("request", "hello").put("protocol", PROTOCOL)
                    .put("client", client);
            JsonNode reply = agent.exchange(hello, HELLO_TIMEOUT);
            if (!reply.path("ok").asBoolean() || !reply.isObject()) {
                agent.close();
                return Optional.empty();
            }
            agent.hello = (ObjectNode) reply;
            return Optional.of(agent);
        } catch (IOException e) {
            agent.close();
            return Optional.empty();
        }
    }

    /** The agent's reply to the hello: its {@code protocol}, and what the agent says of itself ({@code pid}). */
    public ObjectNode hello() {
        return hello;
    }

    /** Sends the request and returns the agent's reply; {@link Refused} when it says no. */
    public JsonNode request(ObjectNode request) throws IOException {
        JsonNode reply = exchange(request, REPLY_TIMEOUT);
        if (!reply.path("ok").asBoolean()) {
            throw new Refused(reply);
        }
        return reply;
    }

    private JsonNode exchange(ObjectNode request, Duration within) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        TimerTask timeout = new TimerTask() {
            @Override
            public void run() {
                close();
            }
        };
        TIMEOUTS.schedule(timeout, within.toMillis());
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            Optional<String> reply = reader.next();
            if (reply.isEmpty()) {
                throw new IOException("the devstack agent closed the connection without answering");
            }
            return JSON.readTree(reply.get());
        } catch (AsynchronousCloseException e) {
            throw new IOException("the devstack agent did not answer within " + within.toSeconds() + " s", e);
        } catch (JsonProcessingException e) {
            throw new IOException("the devstack agent answered with a line that is not JSON: " + e.getOriginalMessage(), e);
        } finally {
            timeout.cancel();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket whose peer is gone
        }
    }
}
