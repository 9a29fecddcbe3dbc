package dev.devstack.store.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.store.RegistryException;
import dev.devstack.store.etcd.testing.TeamRegistries;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No etcd at the endpoints: opening fails at once, naming them and the way out, in words. */
class UnreachableIT {

    @Test
    void openingANamespaceNobodyServesFailsNamingTheEndpoints() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> TeamRegistries.open(List.of(URI.create("http://127.0.0.1:" + port)), "web", "alpha"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("cannot reach the team registry etcd://127.0.0.1:" + port + " (namespace web)"
                        + " from the test's settings: connection refused; start etcd there, or run with --registry local")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("io.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
}
