package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.devstack.agent.names.Route;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Where the proxy listens: both loopback addresses on one port, and a clear refusal when the port is taken. */
class NameProxyBindIT {

    private final StubRoutes routes = new StubRoutes(List.of());
    private final LocalSite site = request -> CompletableFuture.completedFuture(LocalAnswer.html(200, "the agent"));

    @Test
    void aTakenPortIsRefusedWithItsNumber() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> NameProxy.start(taken.getLocalPort(), routes, site, ProxyLimits.DEFAULTS))
                    .isInstanceOf(IOException.class).hasMessageContaining("port " + taken.getLocalPort());
        }
    }

    @Test
    void itServesTheSameNamesOnIpv6LoopbackWhereTheMachineHasIt() throws Exception {
        routes.put("devstack.localhost", new Route.Local());
        try (NameProxy proxy = NameProxy.start(0, routes, site, ProxyLimits.DEFAULTS)) {
            assertThat(proxy.servesIpv6()).isEqualTo(hasIpv6Loopback());
            for (InetAddress address : proxy.servesIpv6()
                    ? List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"))
                    : List.of(InetAddress.getByName("127.0.0.1"))) {
                try (Socket socket = new Socket(address, proxy.port())) {
                    socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: devstack.localhost:" + proxy.port()
                            + "\r\nConnection: close\r\n\r\n").getBytes());
                    String answer = new String(socket.getInputStream().readAllBytes());
                    assertThat(answer).as("on %s", address).startsWith("HTTP/1.1 200").endsWith("the agent");
                }
            }
        }
    }

    @Test
    void aServiceThatListensOnIpv6LoopbackAloneIsReachedThere() throws Exception {
        Assumptions.assumeTrue(hasIpv6Loopback(), "this machine has no IPv6 loopback");
        try (HttpBackend web = new HttpBackend("::1");
             NameProxy proxy = NameProxy.start(0, routes.put("web.shop.localhost",
                     new Route.Forward("web", "shop", web.port())), site, ProxyLimits.DEFAULTS);
             RawClient client = new RawClient(proxy.port())) {
            String answer = client.send("GET /echo/v6 HTTP/1.1\r\nHost: web.shop.localhost\r\nConnection: close\r\n\r\n")
                    .readUntilClosed(Duration.ofSeconds(10));

            assertThat(answer).startsWith("HTTP/1.1 200").contains("path=/echo/v6");
        }
    }

    private static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
