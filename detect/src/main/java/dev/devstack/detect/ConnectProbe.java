package dev.devstack.detect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something accepts TCP connections on a local port, on 127.0.0.1 or ::1. */
public final class ConnectProbe {

    private static final String[] HOSTS = {"127.0.0.1", "::1"};

    private final int timeoutMillis;

    public ConnectProbe(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public boolean accepts(int port) {
        for (String host : HOSTS) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                return true;
            } catch (IOException refused) {
                // try the next family
            }
        }
        return false;
    }
}
