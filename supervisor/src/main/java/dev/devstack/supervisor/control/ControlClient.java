package dev.devstack.supervisor.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.supervisor.json.ReloadOutcomeJson;
import dev.devstack.supervisor.json.ServiceInspectionJson;
import dev.devstack.supervisor.json.StackEventJson;
import dev.devstack.supervisor.json.StackSnapshotJson;
import dev.devstack.supervisor.model.NumberedEvent;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.ServiceInspection;
import dev.devstack.supervisor.model.StackSnapshot;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A connection to a running stack's {@link ControlServer}, greeted: requests and their replies,
 * or the lines of a stream. A reply that does not come within {@link #REPLY_TIMEOUT} ends the
 * connection with an IOException; a stream waits as long as the stack lives.
 */
public final class ControlClient implements AutoCloseable {

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    /** A reload waits for the registry, which another devstack may hold for up to 10 s. */
    static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final Timer TIMEOUTS = new Timer("devstack-control-timeouts", true);

    private final SocketChannel channel;
    private final LineReader reader;
    private final StackHello hello;

    /** What a stack says of itself in reply to the hello: {@code apiUrl}, where its HTTP API answers, if it has one. */
    public record StackHello(int protocol, String project, String instance, long pid, Optional<String> apiUrl) {
    }

    /** The stack answered, and refused: {@code getMessage()} is its reason, for the user. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Nothing answers on the socket: no stack runs there (or it is stopping). */
    public static final class NotRunning extends IOException {
        NotRunning(Path socket, IOException cause) {
            super("no devstack answers on " + socket + " (" + cause.getMessage() + ")", cause);
        }
    }

    private ControlClient(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.reader = new LineReader(channel);
        this.hello = null;
    }

    private ControlClient(ControlClient greeted, StackHello hello) {
        this.channel = greeted.channel;
        this.reader = greeted.reader;
        this.hello = hello;
    }

    /**
     * Where the stack of a project instance listens: {@code control/<hash>.sock} in devstack's
     * home, because a Unix socket path may not exceed 107 bytes and project folders can be deep.
     */
    public static Path socket(Path home, String project, String instance) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((project + "\0" + instance).getBytes(StandardCharsets.UTF_8));
            return home.resolve("control").resolve(HexFormat.of().formatHex(digest, 0, 8) + ".sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Connects and says hello; {@code client} names the asker in the stack's output ("devstack restart"). */
    public static ControlClient connect(Path socket, String client) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new NotRunning(socket, e);
        }
        ControlClient raw = new ControlClient(channel);
        try {
            JsonNode reply = raw.request(new ControlRequest.Hello(ControlServer.PROTOCOL, client));
            return new ControlClient(raw, new StackHello(reply.path("protocol").asInt(), reply.path("project").asText(),
                    reply.path("instance").asText(), reply.path("pid").asLong(),
                    Optional.ofNullable(reply.path("api_url").textValue())));
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    public StackHello hello() {
        return hello;
    }

    /** Sends the request and returns the stack's reply; {@link Refused} when it says no. */
    public JsonNode request(ControlRequest request) throws IOException {
        JsonNode reply = reply(request, REPLY_TIMEOUT);
        if (!reply.path("ok").asBoolean()) {
            throw new Refused(reply.path("error").asText("the stack refused without saying why"));
        }
        return reply;
    }

    /**
     * Asks the stack to read its configuration again ({@code Reload}) or to change a service's
     * scale ({@code Scale}), and returns what that did, applied or not; it may wait for the registry.
     */
    public ReloadOutcome reload(ControlRequest request) throws IOException {
        JsonNode reply = reply(request, RELOAD_TIMEOUT);
        if (!reply.has("reload")) {
            throw new Refused(reply.path("error").asText("the stack refused without saying why"));
        }
        return ReloadOutcomeJson.read(reply.path("reload"));
    }

    /** What the stack tells of one unit; {@link Refused} when it has no such unit. */
    public ServiceInspection inspect(String service) throws IOException {
        return ServiceInspectionJson.read(request(new ControlRequest.Inspect(service)).path("inspection"));
    }

    private JsonNode reply(ControlRequest request, Duration within) throws IOException {
        send(request);
        TimerTask timeout = new TimerTask() {
            @Override
            public void run() {
                close();
            }
        };
        TIMEOUTS.schedule(timeout, within.toMillis());
        try {
            return next().orElseThrow(() -> new IOException("the stack closed the connection without a reply"));
        } catch (AsynchronousCloseException e) {
            throw new IOException("the stack did not reply within " + within.toSeconds() + " s", e);
        } finally {
            timeout.cancel();
        }
    }

    /** Sends a request without waiting for anything: its reply is the first line of {@link #next}. */
    public void send(ControlRequest request) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((ControlMessages.line(request) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** The stack now, and the number of the last event delivered then. */
    public Snapshot snapshot() throws IOException {
        JsonNode reply = request(new ControlRequest.Snapshot());
        return new Snapshot(reply.path("sequence").asLong(), StackSnapshotJson.read(reply.path("snapshot")));
    }

    /** A snapshot with the number of the last event delivered when it was taken. */
    public record Snapshot(long sequence, StackSnapshot snapshot) {
    }

    /**
     * Begins a stream (a subscribe, or logs): sends the request and reads its first reply, the
     * snapshot if one was asked for; then {@link #nextItem} reads what follows.
     */
    public Optional<StackSnapshot> stream(ControlRequest request) throws IOException {
        JsonNode reply = request(request);
        return reply.has("snapshot") ? Optional.of(StackSnapshotJson.read(reply.path("snapshot"))) : Optional.empty();
    }

    /** The next item of a stream; empty when the stack closed the connection (it stopped). */
    public Optional<StreamItem> nextItem() throws IOException {
        Optional<JsonNode> line = next();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        JsonNode item = line.get();
        if (item.has("event")) {
            return Optional.of(new StreamItem.Event(new NumberedEvent(item.path("sequence").asLong(),
                    StackEventJson.read(item.path("event")))));
        }
        if (item.has("snapshot")) {
            return Optional.of(new StreamItem.Snapshot(StackSnapshotJson.read(item.path("snapshot"))));
        }
        if (item.has("missed")) {
            return Optional.of(new StreamItem.Missed(item.path("missed").path("first").asLong(),
                    item.path("missed").path("last").asLong()));
        }
        if (item.has("end")) {
            return Optional.of(new StreamItem.End(item.path("sequence").asLong()));
        }
        if (item.has("cut_off")) {
            return Optional.of(new StreamItem.CutOff(item.path("cut_off").asText()));
        }
        throw new IOException("the stack sent a line this devstack does not know: " + item);
    }

    /** The next line the stack wrote, as JSON; empty when it closed the connection. */
    public Optional<JsonNode> next() throws IOException {
        Optional<String> line = reader.next();
        return line.isEmpty() ? Optional.empty() : Optional.of(ControlMessages.tree(line.get()));
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket whose peer is gone
        }
    }

    /** Whether a devstack of this protocol answers on the socket. */
    static boolean answers(Path socket) {
        try (ControlClient ignored = connect(socket, "devstack")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Asks the stack to stop a service (it is not restarted until asked), telling it who asks
     * ("`devstack kill 3000`"); throws with the stack's answer if it refuses.
     */
    public static void stopService(Path socket, String service, String by) throws IOException {
        try (ControlClient client = connect(socket, by)) {
            client.request(new ControlRequest.Act.Stop(List.of(service), by));
        }
    }
}
