package dev.devstack.supervisor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackOutcome;
import dev.devstack.supervisor.model.StackPhase;
import dev.devstack.supervisor.model.StackSnapshot;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.supervisor.model.StackView;
import dev.devstack.supervisor.model.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
