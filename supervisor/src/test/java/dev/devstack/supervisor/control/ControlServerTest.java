package dev.devstack.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.ReloadOutcome;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final List<String> stopped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    private final StackView view = new StackView() {
        @Override
        public StackSnapshot snapshot() {
            return new StackSnapshot("shop", "default", Instant.EPOCH, StackPhase.RUNNING, List.of(new ServiceSnapshot("api",
                    ServiceState.RUNNING, OptionalLong.of(42), OptionalLong.empty(), List.of(4012), Optional.empty(), OptionalInt.empty(), 0,
                    new ServiceDetail.Started(42))), List.of());
        }

        @Override
        public Subscription subscribe(StackListener listener) {
            return () -> { };
        }
    };

    private final StackControl control = new StackControl() {
        @Override
        public void startService(String service) {
        }

        @Override
        public void stopService(String service, Optional<String> by) {
            stopped.add(service);
        }

        @Override
        public void restartService(String service) {
        }

        @Override
        public void killService(String service) {
        }

        @Override
        public CompletableFuture<StackOutcome> stop() {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<ReloadOutcome> reload(Optional<String> by) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletableFuture<ReloadOutcome> scale(String service, int replicas, Optional<String> by) {
            return new CompletableFuture<>();
        }
    };

    private ControlServer open(Path socket) throws IOException {
        return ControlServer.open(socket, view, control, (service, text) -> notices.add(service + ": " + text),
                false, warnings::add);
    }

    @Test
    void stopReachesTheStackAndAnUnknownServiceIsAnError() throws IOException {
        Path socket = ControlClient.socket(home, "/projects/shop", "default");
        try (ControlServer ignored = open(socket)) {
            ControlClient.stopService(socket, "api", "`devstack kill 4012`");
            assertThatThrownBy(() -> ControlClient.stopService(socket, "web", "a test"))
                    .hasMessage("this stack has no service \"web\"");
        }
        assertThat(stopped).containsExactly("api");
        assertThat(notices).containsExactly("api: stop asked by `devstack kill 4012`; it stays stopped: it runs again"
                + " at the next `devstack up`");
        assertThat(socket).doesNotExist();
    }

    @Test
    void eachWayIsOneJsonObjectPerLineAndAnUnknownRequestIsRefusedWithTheKnownOnes() throws IOException {
        Path socket = ControlClient.socket(home, "/projects/shop", "default");
        try (ControlServer ignored = open(socket)) {
            assertThat(wire(socket, "{\"request\":\"ping\"}")).isEqualTo(
                    JSON.readTree("{\"ok\":true,\"project\":\"shop\",\"instance\":\"default\"}"));
            assertThat(wire(socket, "{\"request\":\"stop\",\"service\":\"api\",\"by\":\"a\\nscript\"}"))
                    .isEqualTo(JSON.readTree("{\"ok\":true}"));
            assertThat(wire(socket, "{\"request\":\"restart\",\"service\":\"api\"}")).isEqualTo(JSON.readTree(
                    "{\"ok\":false,\"error\":\"unknown request \\\"restart\\\"; this devstack knows: ping, stop\"}"));
            assertThat(wire(socket, "stop api").path("ok").asBoolean()).as("text is no request").isFalse();
        }
        assertThat(stopped).containsExactly("api");
        assertThat(notices).containsExactly("api: stop asked by a\nscript; it stays stopped: it runs again at the next"
                + " `devstack up`");
    }

    /** Sends one line as a client of another language would, and reads the one line of the reply. */
    private static JsonNode wire(Path socket, String line) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            String reply = Lines.read(channel, Duration.ofSeconds(5));
            return JSON.readTree(reply);
        }
    }

    @Test
    void theSocketIsPrivateAndAStaleOneIsReplacedButALiveOneIsNot() throws IOException {
        Path socket = ControlClient.socket(home, "/projects/shop", "default");
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "left by a killed devstack");
        try (ControlServer ignored = open(socket)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(ControlClient.answers(socket)).isTrue();
            assertThatThrownBy(() -> open(socket))
                    .hasMessageContaining("another devstack answers on " + socket);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void socketsOfDeepProjectsStayWithinTheUnixPathLimit() {
        Path socket = ControlClient.socket(home, "/" + "deep/".repeat(100) + "shop", "default");

        assertThat(socket.getParent()).isEqualTo(home.resolve("control"));
        assertThat(socket.getFileName().toString()).hasSize(21).endsWith(".sock");
        assertThat(ControlClient.socket(home, "/projects/shop", "other")).isNotEqualTo(
                ControlClient.socket(home, "/projects/shop", "default"));
    }
}
