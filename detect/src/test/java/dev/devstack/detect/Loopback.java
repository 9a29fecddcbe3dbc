package dev.devstack.detect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Test listeners on loopback only. */
final class Loopback {

    private Loopback() {
    }

    static ServerSocket listen(String host, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        return socket;
    }

    /** A port the kernel just handed out and that nothing holds now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = listen("127.0.0.1", 0)) {
            return socket.getLocalPort();
        }
    }

    static boolean hasIpv6Loopback() {
        try (ServerSocket ignored = listen("::1", 0)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
