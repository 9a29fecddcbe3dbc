package dev.devstack.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketPortProbeTest {

    private final SocketPortProbe probe = new SocketPortProbe();

    @Test
    void aPortNobodyHoldsIsFree() throws IOException {
        assertThat(probe.check(Loopback.freePort())).isEqualTo(new PortStatus.Free());
    }

    @Test
    void aListenerOnIpv4LoopbackMakesThePortInUse() throws IOException {
        try (ServerSocket listener = Loopback.listen("127.0.0.1", 0)) {
            PortStatus status = probe.check(listener.getLocalPort());
            assertThat(status).isInstanceOf(PortStatus.InUse.class);
            assertThat(((PortStatus.InUse) status).address()).startsWith("127.0.0.1");
        }
    }

    @Test
    void aListenerOnlyOnIpv6LoopbackMakesThePortInUse() throws IOException {
        assumeTrue(Loopback.hasIpv6Loopback(), "no ::1 on this machine");
        try (ServerSocket listener = Loopback.listen("::1", 0)) {
            assertThat(probe.check(listener.getLocalPort())).isInstanceOf(PortStatus.InUse.class);
        }
    }

    @Test
    void aHeldPortIsInUseForProbesAndServersAndBindsNormallyOnceReleased() throws IOException {
        int port = Loopback.freePort();
        Optional<PortReservation> hold = probe.hold(port);
        assertThat(hold).isPresent();
        try {
            assertThat(probe.check(port)).isInstanceOf(PortStatus.InUse.class);
            assertThatThrownBy(() -> Loopback.listen("127.0.0.1", port).close()).isInstanceOf(BindException.class);
        } finally {
            hold.get().close();
        }
        try (ServerSocket server = Loopback.listen("127.0.0.1", port)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortWithOnlyTimeWaitLeftoversIsFreeAndCanStillBeHeld() throws IOException {
        int port;
        try (ServerSocket server = Loopback.listen("127.0.0.1", 0);
             Socket client = new Socket("127.0.0.1", server.getLocalPort());
             Socket accepted = server.accept()) {
            port = server.getLocalPort();
            accepted.shutdownOutput(); // the server closes first, so its side lingers in TIME_WAIT
            client.getInputStream().read();
        }
        assertThat(probe.check(port)).isEqualTo(new PortStatus.Free());
        Optional<PortReservation> hold = probe.hold(port);
        assertThat(hold).isPresent();
        hold.get().close();
    }

    @Test
    void aPortHeldByAListenerCannotBeHeld() throws IOException {
        try (ServerSocket listener = Loopback.listen("127.0.0.1", 0)) {
            assertThat(probe.hold(listener.getLocalPort())).isEmpty();
        }
    }

    @Test
    void aPrivilegedPortIsNotAllowedRatherThanInUseForOrdinaryUsers() {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may bind privileged ports");
        assertThat(probe.check(1)).isInstanceOf(PortStatus.NotAllowed.class);
    }

    @ParameterizedTest
    @CsvSource({
            "Permission denied, NOT_ALLOWED",
            "Address already in use, IN_USE",
            "Cannot assign requested address, NO_SUCH_FAMILY",
            "Address family not supported by protocol, NO_SUCH_FAMILY",
            "Protocol family unavailable, NO_SUCH_FAMILY",
    })
    void kernelErrorsAreClassifiedByMeaning(String message, SocketPortProbe.Outcome expected) {
        assertThat(SocketPortProbe.classify(new BindException(message))).isEqualTo(expected);
        assertThat(SocketPortProbe.classify(new SocketException(message))).isEqualTo(expected);
    }
}
