package dev.devstack.agent.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.supervisor.DevstackException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's socket with a raw client: the hello, its limits, and what a handler answers or fails with. */
class AgentSocketIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final AtomicInteger requests = new AtomicInteger();
    private AgentSocket socket;

    @BeforeEach
    void open() throws Exception {
        Map<String, AgentHandler> handlers = Map.of(
                "hello", request -> CompletableFuture.completedFuture(JsonNodeFactory.instance.objectNode()
                        .put("pid", 4242)),
                "echo", request -> CompletableFuture.completedFuture(JsonNodeFactory.instance.objectNode()
                        .put("said", request.path("text").asText())),
                "fail", request -> CompletableFuture.failedFuture(DevstackException.state("it failed, as asked", null)));
        socket = AgentSocket.open(home.resolve("state").resolve("agent.sock"), handlers, requests::incrementAndGet);
    }

    @AfterEach
    void close() throws Exception {
        socket.close();
    }

    private record Raw(SocketChannel channel, OutputStream out, BufferedReader in) implements AutoCloseable {
        static Raw connect(Path path) throws Exception {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(path));
            return new Raw(channel, Channels.newOutputStream(channel), new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8)));
        }

        JsonNode ask(String line) throws Exception {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return JSON.readTree(in.readLine());
        }

        @Override
        public void close() throws Exception {
            channel.close();
        }
    }

    @Test
    void theSocketIsPrivateAndAHelloGetsTheHandlersFields() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.path().getParent())))
                .isEqualTo("rwx------");
        try (AgentClient client = AgentClient.at(socket.path(), "AgentSocketIT").orElseThrow()) {
            assertThat(client.hello().path("protocol").asInt()).isEqualTo(1);
            assertThat(client.hello().path("pid").asLong()).isEqualTo(4242);
            assertThat(client.request(JsonNodeFactory.instance.objectNode().put("request", "echo").put("text", "hi"))
                    .path("said").asText()).isEqualTo("hi");
        }
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aFirstLineThatIsNotAHelloOrOfAnotherProtocolIsRefusedAndClosed() throws Exception {
        try (Raw raw = Raw.connect(socket.path())) {
            assertThat(raw.ask("{\"request\":\"echo\"}").path("error").asText()).contains("the first line must be a hello");
            assertThat(raw.in().readLine()).isNull();
        }
        try (Raw raw = Raw.connect(socket.path())) {
            assertThat(raw.ask("{\"request\":\"hello\",\"protocol\":2}").path("error").asText())
                    .contains("speaks protocol 1, the client 2");
        }
        assertThat(AgentClient.at(home.resolve("nothing-here.sock"), "AgentSocketIT")).isEmpty();
    }

    @Test
    void aLineOverOneMebibyteAGarbledLineAndAFailingHandlerGetErrorsAndTheConnectionGoesOn() throws Exception {
        try (Raw raw = Raw.connect(socket.path())) {
            assertThat(raw.ask("{\"request\":\"hello\",\"protocol\":1,\"client\":\"raw\"}").path("ok").asBoolean()).isTrue();
            JsonNode tooLong = raw.ask("{\"request\":\"echo\",\"text\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}");
            assertThat(tooLong.path("ok").asBoolean()).isFalse();
            assertThat(tooLong.path("error").asText()).contains("more than 1024 KiB");
            assertThat(raw.ask("not json").path("error").asText()).contains("not a request");
            assertThat(raw.ask("{\"request\":\"nope\"}").path("error").asText()).contains("echo, fail, hello");
            JsonNode failed = raw.ask("{\"request\":\"fail\"}");
            assertThat(failed.path("error").asText()).isEqualTo("it failed, as asked");
            assertThat(failed.path("category").asText()).isEqualTo("state");
            assertThat(raw.ask("{\"request\":\"echo\",\"text\":\"still here\"}").path("said").asText())
                    .isEqualTo("still here");
        }
    }
}
