package dev.devstack.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ConnectProbeTest {

    private final ConnectProbe probe = new ConnectProbe(200);

    @Test
    void aListeningPortAccepts() throws IOException {
        try (ServerSocket listener = Loopback.listen("127.0.0.1", 0)) {
            assertThat(probe.accepts(listener.getLocalPort())).isTrue();
        }
    }

    @Test
    void aListenerOnlyOnIpv6LoopbackIsFoundToo() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Loopback.hasIpv6Loopback());
        try (ServerSocket listener = Loopback.listen("::1", 0)) {
            assertThat(probe.accepts(listener.getLocalPort())).isTrue();
        }
    }

    @Test
    void aClosedPortDoesNotAccept() throws IOException {
        assertThat(probe.accepts(Loopback.freePort())).isFalse();
    }
}
