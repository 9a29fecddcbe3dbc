import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * bench_names.py's HTTP backend: answers every GET on 127.0.0.1:$PORT with a 2-byte body, keep-alive,
 * on one selector thread. It counts requests by the blank line that ends each one (the benchmark
 * sends only bodiless GETs), so that it costs far less than the proxy in front of it: a benchmark of
 * the proxy must not measure its backend.
 */
public final class NamesBackend {

    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok")
            .getBytes(StandardCharsets.US_ASCII);

    /** How far a connection got into the blank line ("\r\n\r\n") that ends a request. */
    private static final class Progress {
        int matched;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("PORT"));
        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        ByteBuffer out = ByteBuffer.allocateDirect(ANSWER.length * 256);
        System.out.println("listening on " + port);
        while (true) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isAcceptable()) {
                    SocketChannel client = server.accept();
                    if (client != null) {
                        client.configureBlocking(false);
                        client.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                        client.register(selector, SelectionKey.OP_READ, new Progress());
                    }
                } else if (key.isReadable()) {
                    serve((SocketChannel) key.channel(), (Progress) key.attachment(), in, out, key);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private static void serve(SocketChannel client, Progress progress, ByteBuffer in, ByteBuffer out, SelectionKey key) {
        try {
            in.clear();
            if (client.read(in) < 0) {
                key.cancel();
                client.close();
                return;
            }
            in.flip();
            int requests = 0;
            while (in.hasRemaining()) {
                byte b = in.get();
                int m = progress.matched;
                progress.matched = b == (m % 2 == 0 ? '\r' : '\n') ? m + 1 : (b == '\r' ? 1 : 0);
                if (progress.matched == 4) {
                    progress.matched = 0;
                    requests++;
                }
            }
            while (requests > 0) {
                out.clear();
                int batch = Math.min(requests, out.capacity() / ANSWER.length);
                for (int i = 0; i < batch; i++) {
                    out.put(ANSWER);
                }
                out.flip();
                while (out.hasRemaining()) {
                    client.write(out);
                }
                requests -= batch;
            }
        } catch (IOException e) {
            key.cancel();
            try {
                client.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing more to do
            }
        }
    }
}
