package dev.devstack.agent.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** A plain socket to the proxy, for requests no well-behaved client sends. */
final class RawClient implements AutoCloseable {

    private final Socket socket;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
    }

    RawClient send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Everything the proxy sends until it closes the connection; fails if it has not closed by {@code deadline}. */
    String readUntilClosed(Duration deadline) throws IOException {
        Instant end = Instant.now().plus(deadline);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            long left = Duration.between(Instant.now(), end).toMillis();
            if (left <= 0) {
                throw new AssertionError("the proxy did not close the connection within " + deadline + "; it sent: "
                        + all.toString(StandardCharsets.ISO_8859_1));
            }
            socket.setSoTimeout((int) left);
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return all.toString(StandardCharsets.ISO_8859_1) + "\n[reset: " + e.getMessage() + "]";
            }
            if (n < 0) {
                return all.toString(StandardCharsets.ISO_8859_1);
            }
            all.write(buffer, 0, n);
        }
    }

    /** What the proxy sends up to and including {@code marker}; fails if it has not come by {@code deadline}. */
    String readThrough(String marker, Duration deadline) throws IOException {
        Instant end = Instant.now().plus(deadline);
        StringBuilder all = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!all.toString().contains(marker)) {
            long left = Duration.between(Instant.now(), end).toMillis();
            if (left <= 0) {
                throw new AssertionError("the proxy did not send " + marker + " within " + deadline + "; it sent: " + all);
            }
            socket.setSoTimeout((int) left);
            int next;
            try {
                next = in.read();
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (next < 0) {
                throw new AssertionError("the proxy closed before it sent " + marker + "; it sent: " + all);
            }
            all.append((char) next);
        }
        return all.toString();
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
