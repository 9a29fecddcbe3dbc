package dev.devstack.detect;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** A port kept bound (not listening) by this process; closing it lets the service bind it. */
public final class PortReservation implements AutoCloseable {

    private final int port;
    private final SocketChannel channel;

    PortReservation(int port, SocketChannel channel) {
        this.port = port;
        this.channel = channel;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the socket is gone either way
        }
    }
}
