package dev.devstack.supervisor.testing;

import dev.devstack.detect.ConnectProbe;
import java.io.IOException;
import java.time.Duration;

/** A listener in another process (python3), so that a port has a real holder with its own pid. */
public final class ForeignListener implements AutoCloseable {

    private final Process process;
    private final int port;

    private ForeignListener(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ForeignListener on(int port) throws IOException {
        Process process = new ProcessBuilder("python3", "-c", "import socket, time\n"
                + "s = socket.socket()\n"
                + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                + "s.bind(('127.0.0.1', " + port + "))\n"
                + "s.listen()\n"
                + "time.sleep(300)\n")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ForeignListener listener = new ForeignListener(process, port);
        try {
            Await.until(Duration.ofSeconds(10), "the foreign listener on port " + port,
                    () -> new ConnectProbe(200).accepts(port));
        } catch (AssertionError e) {
            listener.close();
            throw e;
        }
        return listener;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
