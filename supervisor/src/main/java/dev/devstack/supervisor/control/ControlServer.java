package dev.devstack.supervisor.control;

import dev.devstack.store.FilePermissions;
import dev.devstack.supervisor.model.StackControl;
import dev.devstack.supervisor.model.StackView;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The control socket of a running `up`: a Unix socket, private to the user, through which other
 * commands ask the stack to act ({@link ControlProtocol}). One request per connection, each on
 * its own short-lived thread, so a client that never finishes its line holds up nobody else.
 */
public final class ControlServer implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final Path path;
    private final ServerSocketChannel channel;
    private final ControlProtocol protocol;
    private final Consumer<String> warnings;

    private ControlServer(Path path, ServerSocketChannel channel, ControlProtocol protocol, Consumer<String> warnings) {
        this.path = path;
        this.channel = channel;
        this.protocol = protocol;
        this.warnings = warnings;
    }

    /**
     * Listens on {@code path}. A socket file left there by an `up` that was killed is replaced;
     * one that still answers belongs to a running stack and is left alone (IOException).
     */
    public static ControlServer open(Path path, StackView view, StackControl control,
                                     BiConsumer<String, String> notices, boolean dashboard, Consumer<String> warnings)
            throws IOException {
        FilePermissions.createPrivateDirectory(path.getParent());
        if (Files.exists(path)) {
            if (ControlClient.answers(path)) {
                throw new IOException("another devstack answers on " + path);
            }
            Files.delete(path);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(path));
            FilePermissions.makePrivate(path);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        ControlServer server = new ControlServer(path, channel, new ControlProtocol(view, control, notices, dashboard), warnings);
        Thread acceptor = new Thread(server::accept, "devstack-control");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public Path path() {
        return path;
    }

    private void accept() {
        while (true) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                warnings.accept("the control socket " + path + " stopped accepting (" + e.getMessage()
                        + "); `devstack kill` will signal this stack's processes directly");
                return;
            }
            Thread handler = new Thread(() -> answer(client), "devstack-control-request");
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void answer(SocketChannel client) {
        try (client) {
            String request = Lines.read(client, REQUEST_TIMEOUT);
            Lines.write(client, ControlMessages.line(protocol.answer(request)));
        } catch (IOException e) {
            // the client went away or never finished its line; it gets no answer
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            warnings.accept("could not remove the control socket " + path + " (" + e.getMessage() + ")");
        }
    }
}
