package dev.devstack.supervisor.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Talks to a running stack through its {@link ControlServer}. */
public final class ControlClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ControlClient() {
    }

    /**
     * Where the stack of a project instance listens: {@code control/<hash>.sock} in devstack's
     * home, because a Unix socket path may not exceed 107 bytes and project folders can be deep.
     */
    public static Path socket(Path home, String project, String instance) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((project + "\0" + instance).getBytes(StandardCharsets.UTF_8));
            return home.resolve("control").resolve(HexFormat.of().formatHex(digest, 0, 8) + ".sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Asks the stack to stop a service (it is not restarted until asked), telling it who asks
     * ("`devstack kill 3000`"); throws with the stack's answer if it refuses.
     */
    public static void stopService(Path socket, String service, String by) throws IOException {
        ControlReply reply = request(socket, new ControlRequest.StopService(service, by));
        if (!reply.ok()) {
            throw new IOException(reply.error());
        }
    }

    static boolean answers(Path socket) {
        try {
            return request(socket, new ControlRequest.Ping()).ok();
        } catch (IOException e) {
            return false;
        }
    }

    /** The stack's reply; an IOException when it gave none, or none that parses (a file that is no devstack's socket). */
    private static ControlReply request(Path socket, ControlRequest request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            Lines.write(channel, ControlMessages.line(request));
            return ControlMessages.reply(Lines.read(channel, TIMEOUT));
        }
    }
}
