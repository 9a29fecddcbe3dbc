package dev.devstack.agent.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * The connection to a service's port, pinned to one client connection: opened on the client's own
 * event loop (so that both sides run on one thread, without locks), to 127.0.0.1 and, when that
 * refuses, to [::1]. What the client sends before it is open waits here.
 */
final class Backend {

    /** The exchange that is waiting for the service's answer. */
    interface Listener {

        void response(HttpObject msg);

        /** The connection could not be opened, or closed before the answer was whole. */
        void lost();
    }

    /** Literals: an {@link InetSocketAddress} of these parses them, without a name lookup. */
    private static final String V4 = "127.0.0.1";
    private static final String V6 = "::1";

    private final Channel client;
    private final int port;
    private final Duration connectTimeout;
    private final Runnable writabilityChanged;
    private final ArrayDeque<HttpObject> unsent = new ArrayDeque<>();
    private Channel channel;
    private Listener listener;
    private boolean gone;
    private boolean retired;

    private Backend(Channel client, int port, Duration connectTimeout, Runnable writabilityChanged) {
        this.client = client;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.writabilityChanged = writabilityChanged;
    }

    static Backend connect(Channel client, int port, Duration connectTimeout, Runnable writabilityChanged) {
        Backend backend = new Backend(client, port, connectTimeout, writabilityChanged);
        backend.attempt(V4, true);
        return backend;
    }

    private void attempt(String address, boolean fallBack) {
        new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("http", new HttpClientCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(256 * 1024)
                                .setMaxChunkSize(64 * 1024), false, false));
                        ch.pipeline().addLast("service", new FromService());
                    }
                })
                .connect(new InetSocketAddress(address, port)).addListener((ChannelFuture done) -> {
                    if (done.isSuccess()) {
                        opened(done.channel());
                    } else if (fallBack && done.cause() instanceof ConnectException
                            && !(done.cause() instanceof ConnectTimeoutException) && !gone) {
                        attempt(V6, false);
                    } else {
                        lose();
                    }
                });
    }

    private void opened(Channel opened) {
        if (gone) {
            opened.close();
            return;
        }
        channel = opened;
        while (!unsent.isEmpty()) {
            channel.write(unsent.poll());
        }
        channel.flush();
        writabilityChanged.run();
    }

    void listen(Listener next) {
        listener = next;
    }

    void write(HttpObject msg) {
        if (gone) {
            ReferenceCountUtil.release(msg);
        } else if (channel == null) {
            unsent.add(msg);
        } else {
            channel.write(msg);
        }
    }

    void flush() {
        if (channel != null) {
            channel.flush();
        }
    }

    /** Whether the client's body may be read on: the service takes more, or is gone (and the body is dropped). */
    boolean acceptsWrites() {
        return gone || channel != null && channel.isWritable();
    }

    /** Back-pressure from the client: read the service's answer only as fast as the client takes it. */
    void readFromService(boolean read) {
        if (channel != null && channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }

    boolean reusableFor(int wanted) {
        return wanted == port && !gone && !retired;
    }

    /** The service said it closes after this answer: the next request opens a new connection. */
    void retire() {
        retired = true;
    }

    /** Hands the open connection over (after a protocol switch); this object no longer owns it. */
    Channel release() {
        gone = true;
        listener = null;
        return channel;
    }

    void close() {
        gone = true;
        listener = null;
        unsent.forEach(ReferenceCountUtil::release);
        unsent.clear();
        if (channel != null) {
            channel.close();
        }
    }

    private void lose() {
        boolean wasGone = gone;
        gone = true;
        unsent.forEach(ReferenceCountUtil::release);
        unsent.clear();
        Listener waiting = listener;
        listener = null;
        if (!wasGone && waiting != null) {
            waiting.lost();
        }
        writabilityChanged.run();
    }

    /** The service's side of the connection. */
    private final class FromService extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (listener != null && msg instanceof HttpObject object) {
                listener.response(object);
            } else {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            client.flush();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            writabilityChanged.run();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() == channel) {
                lose();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
