package dev.devstack.app;

import static dev.devstack.app.testing.LiveStack.await;
import static dev.devstack.supervisor.testing.TestProject.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devstack.app.testing.LiveStack;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.ControlRequest;
import dev.devstack.supervisor.control.StreamItem;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.run.Supervisor;
import dev.devstack.supervisor.testing.Await;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control protocol (docs/protocol.md) on a real stack's socket: each request, and bad clients. */
class ControlProtocolIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Up to 10,000 lines a second (50 every 5 ms), for ever. */
    private static final String CHATTY = "python3 -u -c 'import itertools, time; [print(\"line\", i) or (i % 50 == 0"
            + " and time.sleep(0.005)) for i in itertools.count()]'";

    @TempDir
    Path projectDir;
    @TempDir
    Path home;

    private LiveStack stack;
    private final List<ControlClient> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stack = new LiveStack(projectDir, home);
    }

    @AfterEach
    void endEverything() {
        clients.forEach(ControlClient::close);
        stack.close();
    }

    private Supervisor up(String yaml) {
        return stack.up(yaml);
    }

    private Path socket() {
        return ControlClient.socket(home, projectDir.toString(), "default");
    }

    private ControlClient connect() throws IOException {
        ControlClient client = ControlClient.connect(socket(), "ControlProtocolIT");
        clients.add(client);
        return client;
    }

    @Test
    void theHelloNamesTheStackAndTheSocketIsPrivate() throws Exception {
        up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        ControlClient client = connect();

        assertThat(client.hello().protocol()).isEqualTo(1);
        assertThat(client.hello().project()).isEqualTo(projectDir.getFileName().toString());
        assertThat(client.hello().instance()).isEqualTo("default");
        assertThat(client.hello().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket()))).isEqualTo("rw-------");
    }

    @Test
    void aClientOfAnotherVersionOrWithoutHelloIsToldWhyAndClosed() throws Exception {
        up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        try (RawClient raw = new RawClient(socket())) {
            JsonNode reply = raw.ask("{\"request\":\"hello\",\"protocol\":2}");
            assertThat(reply.path("ok").asBoolean()).isFalse();
            assertThat(reply.path("protocol").asInt()).isEqualTo(1);
            assertThat(reply.path("error").asText()).contains("protocol 1", "the client 2");
            assertThat(raw.closedByStack()).isTrue();
        }
        try (RawClient raw = new RawClient(socket())) {
            assertThat(raw.ask("{\"request\":\"snapshot\"}").path("error").asText()).contains("first line must be a hello");
            assertThat(raw.closedByStack()).isTrue();
        }
    }

    @Test
    void aSnapshotIsTheStackNowWithTheLastEventsNumber() throws Exception {
        Supervisor supervisor = up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        ServiceSnapshot api = await(supervisor, "api", ServiceState.READY);

        JsonNode reply = connect().request(new ControlRequest.Snapshot());

        assertThat(reply.path("sequence").asLong()).isPositive();
        JsonNode snapshot = reply.path("snapshot");
        assertThat(snapshot.path("schema_version").asInt()).isEqualTo(1);
        assertThat(snapshot.path("services").get(0).path("name").asText()).isEqualTo("api");
        assertThat(snapshot.path("services").get(0).path("pid").asLong()).isEqualTo(api.pid().orElseThrow());
        assertThat(snapshot.path("services").get(0).path("ports").get(0).asInt()).isEqualTo(api.ports().get(0));
    }

    @Test
    void theTypedClientReadsTheSnapshotAndTheEventsBackIntoTheModel() throws Exception {
        Supervisor supervisor = up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        await(supervisor, "api", ServiceState.READY);
        ControlClient client = connect();

        ControlClient.Snapshot snapshot = client.snapshot();
        assertThat(snapshot.snapshot().services()).usingRecursiveComparison().ignoringFieldsOfTypes(Duration.class)
                .isEqualTo(supervisor.snapshot().services());

        Optional<StackSnapshot> first = client.stream(new ControlRequest.Subscribe(null, true));
        assertThat(first.orElseThrow().service("api").orElseThrow().state()).isEqualTo(ServiceState.READY);
        connect().request(new ControlRequest.Act.Stop(List.of("api"), "a test"));
        List<ServiceState> states = new ArrayList<>();
        while (!states.contains(ServiceState.STOPPED)) {
            StreamItem item = client.nextItem().orElseThrow();
            if (item instanceof StreamItem.Event event && event.event().event() instanceof StackEvent.StateChanged changed) {
                states.add(changed.state());
            }
        }
        assertThat(states).containsExactly(ServiceState.STOPPING, ServiceState.STOPPED);
    }

    @Test
    void restartAskedOverTheSocketGivesANewProcessOnTheSamePortAndSaysWhoAsked() throws Exception {
        Supervisor supervisor = up("""
                services:
                  web: { command: "%s" }
                  api: { command: "%s" }
                """.formatted(service("--listen"), service("--listen")));
        ServiceSnapshot web = await(supervisor, "web", ServiceState.READY);
        long apiPid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();

        JsonNode reply = connect().request(new ControlRequest.Act.Restart(List.of("w*"), "devstack restart (a test)"));

        assertThat(reply.path("services").toString()).isEqualTo("[\"web\"]");
        Await.until(WAIT, "web to run again under a new pid", () -> supervisor.snapshot().service("web").orElseThrow()
                .pid().stream().anyMatch(pid -> pid != web.pid().orElseThrow())
                && supervisor.snapshot().service("web").orElseThrow().state() == ServiceState.READY);
        assertThat(supervisor.snapshot().service("web").orElseThrow().ports()).isEqualTo(web.ports());
        assertThat(supervisor.snapshot().service("api").orElseThrow().pid().orElseThrow()).isEqualTo(apiPid);
        assertThat(stack.notices("web")).contains("restart asked by devstack restart (a test)");
    }

    @Test
    void anActionOnANameThatMatchesNothingIsRefusedAndDoesNothing() throws Exception {
        Supervisor supervisor = up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();

        assertThatThrownBy(() -> connect().request(new ControlRequest.Act.Kill(List.of("api", "nope*"), null)))
                .isInstanceOf(ControlClient.Refused.class)
                .hasMessage("no service of this stack is called \"nope*\"; it has: api");
        assertThat(supervisor.snapshot().service("api").orElseThrow().pid().orElseThrow()).isEqualTo(pid);
    }

    @Test
    void inputNamesOneUnitAndALineWithoutBreaksAndResizeASize() throws Exception {
        up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        ControlClient client = connect();

        assertThatThrownBy(() -> client.request(new ControlRequest.Input("a*", "hello")))
                .isInstanceOf(ControlClient.Refused.class)
                .hasMessage("no unit of this stack is called \"a*\"; it has: api");
        assertThatThrownBy(() -> client.request(new ControlRequest.Input("api", "two\nlines")))
                .isInstanceOf(ControlClient.Refused.class)
                .hasMessage("a \"line\" holds no line break: send one input per line");
        assertThatThrownBy(() -> client.request(new ControlRequest.Input("api", null)))
                .isInstanceOf(ControlClient.Refused.class).hasMessageContaining("the \"line\" to type");
        assertThatThrownBy(() -> client.request(new ControlRequest.Resize(0, 30)))
                .isInstanceOf(ControlClient.Refused.class)
                .hasMessage("a resize gives \"columns\" and \"rows\", each 1 to 65535");
        assertThat(client.request(new ControlRequest.Resize(100, 30)).path("ok").asBoolean()).isTrue();
        assertThat(client.request(new ControlRequest.Input("api", "hello")).path("ok").asBoolean()).isTrue();
    }

    @Test
    void logsGiveTheLastLinesOfAServiceWithTimeAndStreamThenFollow() throws Exception {
        Supervisor supervisor = up("""
                services:
                  api: { command: "%s" }
                  web: { command: "%s" }
                """.formatted(service("--print one --print two --print three --listen"),
                service("--print web-line --listen")));
        await(supervisor, "api", ServiceState.READY);
        Await.until(WAIT, "api's lines", () -> supervisor.output(java.util.Set.of("api"), 3, Optional.empty()).lines().size() == 3);

        ControlClient client = connect();
        client.send(new ControlRequest.Logs(List.of("api"), 2, null, false));
        List<JsonNode> lines = new ArrayList<>();
        JsonNode first = client.next().orElseThrow();
        assertThat(first.path("ok").asBoolean()).isTrue();
        for (JsonNode item = client.next().orElseThrow(); !item.has("end"); item = client.next().orElseThrow()) {
            lines.add(item.path("event"));
        }
        assertThat(lines).extracting(line -> line.path("line").asText()).containsExactly("two", "three");
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("service").asText()).isEqualTo("api");
            assertThat(line.path("source").asText()).isEqualTo("stdout");
            assertThat(line.path("at").asText()).isNotEmpty();
        });

        client.send(new ControlRequest.Logs(List.of("api"), 0, null, true));
        assertThat(client.next().orElseThrow().path("ok").asBoolean()).isTrue();
        connect().request(new ControlRequest.Act.Restart(List.of("api"), "a test"));
        List<String> followed = new ArrayList<>();
        while (followed.size() < 3) {
            followed.add(client.next().orElseThrow().path("event").path("line").asText());
        }
        assertThat(followed).containsExactly("one", "two", "three");
    }

    @Test
    void twoSubscribersSeeEveryEventInTheSameOrder() throws Exception {
        Supervisor supervisor = up("""
                services:
                  chatty:
                    command: %s
                  api: { command: "%s" }
                """.formatted(CHATTY, service("--listen")));
        await(supervisor, "api", ServiceState.READY);
        ControlClient one = connect();
        ControlClient two = connect();
        JsonNode start = one.request(new ControlRequest.Subscribe(0L, false));
        two.request(new ControlRequest.Subscribe(0L, false));
        connect().request(new ControlRequest.Act.Restart(List.of("api"), "a test"));

        List<String> seenByOne = read(one, 300);
        List<String> seenByTwo = read(two, 300);

        assertThat(start.path("sequence").asLong()).isPositive();
        assertThat(seenByOne).isEqualTo(seenByTwo);
        assertThat(seenByOne.get(0)).startsWith("1 ");
        for (int i = 0; i < seenByOne.size(); i++) {
            assertThat(seenByOne.get(i)).startsWith((i + 1) + " ");
        }
    }

    @Test
    void aSubscriberThatComesBackAfterANumberGetsWhatCameAfterIt() throws Exception {
        Supervisor supervisor = up("services:\n  chatty:\n    command: " + CHATTY + "\n");
        Await.until(WAIT, "some lines", () -> supervisor.lastSequence() > 50);
        ControlClient client = connect();
        client.request(new ControlRequest.Subscribe(40L, false));

        assertThat(client.next().orElseThrow().path("sequence").asLong()).isEqualTo(41);
        assertThat(client.next().orElseThrow().path("sequence").asLong()).isEqualTo(42);
    }

    @Test
    void aSubscriberFromTheStartIsToldWhatIsNoLongerHeldThenGetsTheWholeJournal() throws Exception {
        Supervisor supervisor = up("services:\n  chatty:\n    command: " + CHATTY + "\n");
        Await.until(WAIT, "more events than the journal holds", () -> supervisor.lastSequence() > 12_000);
        ControlClient client = connect();
        client.request(new ControlRequest.Subscribe(0L, false));

        JsonNode missed = client.next().orElseThrow().path("missed");
        assertThat(missed.path("first").asLong()).isEqualTo(1);
        long next = missed.path("last").asLong() + 1;
        for (int i = 0; i < 10_000; i++) {
            assertThat(client.next().orElseThrow().path("sequence").asLong()).isEqualTo(next + i);
        }
    }

    @Test
    void aSubscriptionWithSnapshotsGetsTheSnapshotFirstAndAgainAfterAChange() throws Exception {
        Supervisor supervisor = up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        await(supervisor, "api", ServiceState.READY);
        ControlClient client = connect();
        JsonNode start = client.request(new ControlRequest.Subscribe(null, true));
        assertThat(start.path("snapshot").path("services").get(0).path("state").asText()).isEqualTo("ready");

        connect().request(new ControlRequest.Act.Stop(List.of("api"), "a test"));

        Await.until(WAIT, "a snapshot with api stopped", () -> {
            JsonNode item = next(client);
            return item.has("snapshot") && item.path("snapshot").path("services").get(0).path("state").asText()
                    .equals("stopped");
        });
    }

    @Test
    void malformedAndUnknownRequestsGetAnErrorAndTheConnectionGoesOn() throws Exception {
        up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        try (RawClient raw = new RawClient(socket())) {
            raw.ask("{\"request\":\"hello\",\"protocol\":1}");
            assertThat(raw.ask("{not json").path("error").asText()).startsWith("not a request");
            assertThat(raw.ask("{\"request\":\"dance\"}").path("error").asText())
                    .isEqualTo("unknown request \"dance\"; this stack knows: hello, snapshot, subscribe, logs, start, stop,"
                            + " restart, kill, reload, scale, input, resize, inspect, down");
            assertThat(raw.ask("{\"request\":\"snapshot\"}").path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aTenMegabyteLineIsRefusedWithoutHurtingTheStack() throws Exception {
        Supervisor supervisor = up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();
        try (RawClient raw = new RawClient(socket())) {
            raw.ask("{\"request\":\"hello\",\"protocol\":1}");
            raw.sendQuietly("{\"request\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}\n");
            assertThat(raw.reply().path("error").asText()).contains("more than 1024 KiB");
        }
        assertThat(connect().request(new ControlRequest.Snapshot()).path("ok").asBoolean()).isTrue();
        assertThat(supervisor.snapshot().service("api").orElseThrow().pid().orElseThrow()).isEqualTo(pid);
    }

    @Test
    void aSubscriberThatNeverReadsIsCutOffWithAMessageWhileAnotherGoesOn() throws Exception {
        Supervisor supervisor = up("services:\n  chatty:\n    command: " + CHATTY + "\n");
        try (RawClient stuck = new RawClient(socket())) {
            stuck.ask("{\"request\":\"hello\",\"protocol\":1}");
            stuck.sendQuietly("{\"request\":\"subscribe\"}\n");
            ControlClient reader = connect();
            long before = reader.request(new ControlRequest.Subscribe(null, false)).path("sequence").asLong();

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (next(reader).path("sequence").asLong() < before + 30_000) {
                assertThat(System.nanoTime()).as("the reader to be well past what the stuck client may have waiting")
                        .isLessThan(deadline);
            }

            String stuckGot = stuck.untilClosed(WAIT);
            assertThat(stuckGot).contains("\"cut_off\":\"this client read too slowly");
            assertThat(stuckGot.lines().count()).isLessThan(30_000);
            assertThat(next(reader).has("sequence")).isTrue();
        }
    }

    @Test
    void aHundredClientsAtOnceAreEachAnsweredOrTurnedAwayAndTheStackGoesOn() throws Exception {
        Supervisor supervisor = up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> {
                    try (ControlClient client = ControlClient.connect(socket(), "client")) {
                        return client.request(new ControlRequest.Snapshot()).path("ok").asBoolean();
                    }
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(supervisor.snapshot().service("api").orElseThrow().pid().orElseThrow()).isEqualTo(pid);
    }

    @Test
    void aClientThatConnectsAndSaysNothingIsClosedAfterTheHelloTimeout() throws Exception {
        up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        try (RawClient silent = new RawClient(socket())) {
            Await.until(Duration.ofSeconds(20), "the silent client to be closed", silent::closedByStack);
        }
        assertThat(connect().request(new ControlRequest.Snapshot()).path("ok").asBoolean()).isTrue();
    }

    @Test
    void aSocketLeftByADeadStackIsReplaced() throws Exception {
        Files.createDirectories(socket().getParent());
        try (java.nio.channels.ServerSocketChannel dead = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertThat(socket()).exists();

        up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");

        assertThat(connect().hello().pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void downStopsTheStack() throws Exception {
        Supervisor supervisor = up("services:\n  api: { command: \"" + service("--listen") + "\" }\n");
        long pid = await(supervisor, "api", ServiceState.READY).pid().orElseThrow();

        connect().request(new ControlRequest.Down("a test"));

        assertThat(supervisor.finished().get(30, java.util.concurrent.TimeUnit.SECONDS).stopRequested()).isTrue();
        Await.until(WAIT, "api's process to end", () -> !dev.devstack.supervisor.testing.Processes.alive(pid));
        assertThat(stack.notices("")).contains("stop of the stack asked by a test");
    }

    private static JsonNode next(ControlClient client) {
        try {
            return client.next().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "N event" for each of the next {@code count} events, N its sequence number. */
    private static List<String> read(ControlClient client, int count) throws IOException {
        List<String> seen = new ArrayList<>();
        while (seen.size() < count) {
            JsonNode item = client.next().orElseThrow();
            seen.add(item.path("sequence").asLong() + " " + item.path("event"));
        }
        return seen;
    }

    /** A client that speaks bytes, to send what ControlClient never would. */
    private static final class RawClient implements AutoCloseable {

        private final SocketChannel channel;
        private final StringBuilder pending = new StringBuilder();

        RawClient(Path socket) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        }

        JsonNode ask(String line) throws IOException {
            sendQuietly(line + "\n");
            return reply();
        }

        void sendQuietly(String text) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                // the stack closed the connection before taking everything, which is what it should do with a huge line
            }
        }

        JsonNode reply() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (pending.indexOf("\n") < 0) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    throw new IOException("closed before a reply; had: " + pending);
                }
                pending.append(StandardCharsets.UTF_8.decode(buffer.flip()));
            }
            int newline = pending.indexOf("\n");
            String line = pending.substring(0, newline);
            pending.delete(0, newline + 1);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        }

        boolean closedByStack() {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                return channel.read(buffer) < 0;
            } catch (IOException e) {
                return true;
            }
        }

        /** Everything the stack sends until it closes the connection. */
        String untilClosed(Duration timeout) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                buffer.clear();
                if (channel.read(buffer) < 0) {
                    return pending.toString();
                }
                pending.append(StandardCharsets.UTF_8.decode(buffer.flip()));
            }
            throw new IOException("the stack did not close the connection within " + timeout);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
