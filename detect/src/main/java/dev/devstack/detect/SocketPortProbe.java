package dev.devstack.detect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Probes a port by binding it (SO_REUSEADDR, never listening) on 127.0.0.1, 0.0.0.0, ::1 and ::
 * in turn. The port is free only if every address family this machine has binds; a missing
 * family is skipped, and EACCES is reported as "not allowed", never as "in use".
 */
public final class SocketPortProbe implements PortProbe {

    private record Address(ProtocolFamily family, InetAddress address) {
    }

    private static final List<Address> ADDRESSES = List.of(
            new Address(StandardProtocolFamily.INET, literal("127.0.0.1")),
            new Address(StandardProtocolFamily.INET, literal("0.0.0.0")),
            new Address(StandardProtocolFamily.INET6, literal("::1")),
            new Address(StandardProtocolFamily.INET6, literal("::")));

    enum Outcome { BOUND, IN_USE, NOT_ALLOWED, NO_SUCH_FAMILY }

    private record Attempt(Outcome outcome, String message) {
    }

    @Override
    public PortStatus check(int port) {
        int bound = 0;
        for (Address candidate : ADDRESSES) {
            String where = candidate.address().getHostAddress() + " port " + port;
            Attempt attempt = tryBind(candidate, port);
            switch (attempt.outcome()) {
                case BOUND -> bound++;
                case IN_USE -> {
                    return new PortStatus.InUse(where);
                }
                case NOT_ALLOWED -> {
                    return new PortStatus.NotAllowed(where, attempt.message());
                }
                case NO_SUCH_FAMILY -> {
                    // e.g. no IPv6 on this machine: nothing can listen there either
                }
            }
        }
        return bound > 0 ? new PortStatus.Free()
                : new PortStatus.NotAllowed("port " + port, "no address family could bind it");
    }

    /**
     * A dual-stack [::] socket without SO_REUSEADDR: it blocks binds on 127.0.0.1, 0.0.0.0, ::1
     * and :: alike (with SO_REUSEADDR, Linux lets two non-listening sockets share a port, so a
     * holder with it would not stop another prober). A port whose only other sockets are in
     * TIME_WAIT (a service that just stopped) cannot be bound that way although servers bind it
     * fine; it gets a holder with SO_REUSEADDR, which still stops binders without it.
     * Machines without IPv6 get 0.0.0.0.
     */
    @Override
    public Optional<PortReservation> hold(int port) {
        for (boolean reuse : new boolean[] {false, true}) {
            for (Address candidate : List.of(ADDRESSES.get(3), ADDRESSES.get(1))) {
                SocketChannel channel = null;
                try {
                    channel = SocketChannel.open(candidate.family());
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, reuse);
                    channel.bind(new InetSocketAddress(candidate.address(), port));
                    return Optional.of(new PortReservation(port, channel));
                } catch (UnsupportedOperationException | IOException e) {
                    close(channel);
                    if (classify(e) != Outcome.NO_SUCH_FAMILY) {
                        break;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Attempt tryBind(Address candidate, int port) {
        try (SocketChannel channel = SocketChannel.open(candidate.family())) {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(candidate.address(), port));
            return new Attempt(Outcome.BOUND, "");
        } catch (UnsupportedOperationException | IOException e) {
            return new Attempt(classify(e), String.valueOf(e.getMessage()));
        }
    }

    /** The JDK reports errno only as message text: EACCES, EADDRNOTAVAIL, EAFNOSUPPORT, EADDRINUSE. */
    static Outcome classify(Exception e) {
        if (e instanceof UnsupportedOperationException) {
            return Outcome.NO_SUCH_FAMILY;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("permission denied")) {
            return Outcome.NOT_ALLOWED;
        }
        if (message.contains("cannot assign requested address") || message.contains("family")
                || message.contains("protocol not supported")) {
            return Outcome.NO_SUCH_FAMILY;
        }
        return Outcome.IN_USE;
    }

    private static void close(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // never opened fully
            }
        }
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
