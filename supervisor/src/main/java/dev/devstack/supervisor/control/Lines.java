package dev.devstack.supervisor.control;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One line of UTF-8 text each way on a control connection, read with a deadline. */
final class Lines {

    private static final int MAX = 4096;

    private Lines() {
    }

    static void write(SocketChannel channel, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** The text up to the first newline (or the end of the stream), without it. */
    static String read(SocketChannel channel, Duration timeout) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer buffer = ByteBuffer.allocate(MAX);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer within " + timeout.toMillis() + " ms");
                }
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                int n = channel.read(buffer);
                int newline = indexOf(buffer, '\n');
                if (newline >= 0 || n < 0 || !buffer.hasRemaining()) {
                    int end = newline >= 0 ? newline : buffer.position();
                    return new String(buffer.array(), 0, end, StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static int indexOf(ByteBuffer buffer, char wanted) {
        for (int i = 0; i < buffer.position(); i++) {
            if (buffer.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}
