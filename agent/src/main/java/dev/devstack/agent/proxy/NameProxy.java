package dev.devstack.agent.proxy;

import dev.devstack.agent.names.Routes;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * The name proxy: HTTP on one port of 127.0.0.1 and ::1 that sends each request where its host name
 * leads ({@link Routes}): to a service's current port, to the agent's own site, or to a page of its
 * own. A few event-loop threads (one per core) hold every connection, client and service side.
 */
public final class NameProxy implements AutoCloseable {

    /** How long {@link #close()} lets open exchanges finish before it drops them. */
    private static final long CLOSE_QUIET_MS = 100;
    private static final long CLOSE_TIMEOUT_MS = 2_000;

    private final EventLoopGroup loops;
    private final ChannelGroup connections;
    private final Channel v4;
    private final Channel v6;

    private NameProxy(EventLoopGroup loops, ChannelGroup connections, Channel v4, Channel v6) {
        this.loops = loops;
        this.connections = connections;
        this.v4 = v4;
        this.v6 = v6;
    }

    /**
     * Listens on {@code port} (0: any free one) of 127.0.0.1 and, where the machine has IPv6, of ::1.
     *
     * @throws IOException naming the port when it is taken on either address
     */
    public static NameProxy start(int port, Routes routes, LocalSite site, ProxyLimits limits) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(port, routes, site, limits);
            } catch (TakenOnIpv6 e) {
                // a port the system picked on 127.0.0.1 may be someone's on ::1: pick again
                if (port != 0 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The port is free on 127.0.0.1 but taken on ::1. */
    private static final class TakenOnIpv6 extends IOException {

        TakenOnIpv6(int port, Throwable cause) {
            super("port " + port + " is taken on ::1 (it is free on 127.0.0.1): stop what listens there (ss -ltnp"
                    + " 'sport = :" + port + "') or choose another port", cause);
        }
    }

    private static NameProxy startOnce(int port, Routes routes, LocalSite site, ProxyLimits limits) throws IOException {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("devstack-proxy", true), NioIoHandler.newFactory());
        ChannelGroup connections = new DefaultChannelGroup("devstack-proxy", GlobalEventExecutor.INSTANCE);
        try {
            Channel v4;
            try {
                v4 = bind(loops, connections, InetAddress.getByName("127.0.0.1"), port, routes, site, limits);
            } catch (IOException e) {
                throw new IOException("the name proxy cannot listen on 127.0.0.1 port " + port + ": " + e.getMessage()
                        + "; stop what listens there (ss -ltnp 'sport = :" + port + "') or choose another port", e);
            }
            int bound = ((InetSocketAddress) v4.localAddress()).getPort();
            Channel v6 = null;
            try {
                v6 = bind(loops, connections, InetAddress.getByName("::1"), bound, routes, site, limits);
            } catch (IOException e) {
                if (hasIpv6Loopback()) {
                    v4.close().syncUninterruptibly();
                    throw new TakenOnIpv6(bound, e);
                }
            }
            return new NameProxy(loops, connections, v4, v6);
        } catch (IOException | RuntimeException e) {
            loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    /** Whether ::1 takes a listener at all: when it does not, the machine has no IPv6 and 127.0.0.1 is enough. */
    private static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Channel bind(EventLoopGroup loops, ChannelGroup connections, InetAddress address, int port,
                                Routes routes, LocalSite site, ProxyLimits limits) throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        RequestClock clock = new RequestClock(limits);
                        int proxyPort = ((InetSocketAddress) ch.localAddress()).getPort();
                        ch.pipeline().addLast("clock", clock)
                                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(limits.maxInitialLine())
                                        .setMaxHeaderSize(limits.maxHeaderBlock())
                                        .setMaxChunkSize(64 * 1024)))
                                .addLast("proxy", new ProxyHandler(routes, site, limits, proxyPort, clock));
                    }
                });
        ChannelFuture bound = bootstrap.bind(new InetSocketAddress(address, port)).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bound.cause() instanceof IOException io ? io : new IOException(bound.cause());
        }
        connections.add(bound.channel());
        return bound.channel();
    }

    public int port() {
        return ((InetSocketAddress) v4.localAddress()).getPort();
    }

    /** Whether it listens on ::1 too (false on a machine without IPv6). */
    public boolean servesIpv6() {
        return v6 != null;
    }

    /** Client connections open now (for status pages, and for tests that watch them drain). */
    public int openConnections() {
        return (int) connections.stream().filter(ch -> ch.parent() != null).count();
    }

    /** Stops listening, closes every connection and stops the threads, waiting a bounded time for them. */
    @Override
    public void close() {
        connections.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        loops.shutdownGracefully(CLOSE_QUIET_MS, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(CLOSE_TIMEOUT_MS + CLOSE_QUIET_MS);
    }
}
