package dev.devstack.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    private final JdkProcessTable processes = new JdkProcessTable();
    private final ListeningSockets sockets = new ListeningSockets(processes);

    @Test
    void aListenerOfOursIsListedWithItsAddressAndResolvedToThisProcess() throws IOException {
        try (ServerSocket listener = Loopback.listen("127.0.0.1", 0)) {
            int port = listener.getLocalPort();

            assertThat(sockets.on(port)).singleElement()
                    .satisfies(l -> assertThat(l.address()).isEqualTo("127.0.0.1"));
            ListeningProcess holder = sockets.holderOf(port).orElseThrow();
            assertThat(holder.process()).map(ProcessInfo::pid).contains(ProcessHandle.current().pid());
            assertThat(holder.describe()).startsWith("pid " + ProcessHandle.current().pid() + " (");
        }
    }

    @Test
    void everyListenerIsListedWithItsProcessFromOneWalk() throws IOException {
        try (ServerSocket first = Loopback.listen("127.0.0.1", 0); ServerSocket second = Loopback.listen("127.0.0.1", 0)) {
            List<ListeningProcess> ours = sockets.holders().stream()
                    .filter(h -> h.listener().port() == first.getLocalPort() || h.listener().port() == second.getLocalPort())
                    .toList();

            assertThat(ours).hasSize(2).allSatisfy(holder -> assertThat(holder.process()).map(ProcessInfo::pid)
                    .contains(ProcessHandle.current().pid()));
        }
    }

    @Test
    void aPortNobodyListensOnHasNoHolder() throws IOException {
        assertThat(sockets.holderOf(Loopback.freePort())).isEmpty();
    }

    @Test
    void procAddressesAreDecodedFromKernelByteOrder() {
        assertThat(ListeningSockets.ipv4("0100007F")).isEqualTo("127.0.0.1");
        assertThat(ListeningSockets.ipv4("00000000")).isEqualTo("0.0.0.0");
        assertThat(ListeningSockets.ipv6("00000000000000000000000001000000")).isEqualTo("::1");
        assertThat(ListeningSockets.ipv6("00000000000000000000000000000000")).isEqualTo("::");
        assertThat(ListeningSockets.ipv6("000080FE000000000000000001000000")).isEqualTo("fe80::1");
        assertThat(ListeningSockets.ipv6("B80D0120000000000000000001000000")).isEqualTo("2001:db8::1");
        assertThat(ListeningSockets.ipv6("0000000000000000FFFF00000100007F")).isEqualTo("127.0.0.1");
    }
}
