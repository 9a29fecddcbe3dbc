package dev.devstack.agent.proxy;

import dev.devstack.agent.names.Route;
import dev.devstack.agent.names.Routes;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: reads its requests one at a time, routes each by host name and hands it to
 * an {@link Exchange}. Requests a client pipelines while one is being answered wait in a queue (and
 * reading pauses), so that answers go out in order; the service connection stays pinned to the
 * client connection while the route's port does not change.
 */
final class ProxyHandler extends ChannelInboundHandlerAdapter {

    /** How long a refused client may go on sending (and be ignored) before its connection closes. */
    private static final Duration LINGER = Duration.ofSeconds(2);

    private final Routes routes;
    private final LocalSite site;
    private final ProxyLimits limits;
    private final int proxyPort;
    private final RequestClock clock;
    private final ArrayDeque<HttpObject> queued = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange exchange;
    private boolean requestRead;
    private boolean answered;
    private boolean keepAlive;
    private boolean closing;
    private Backend backend;

    ProxyHandler(Routes routes, LocalSite site, ProxyLimits limits, int proxyPort, RequestClock clock) {
        this.routes = routes;
        this.site = site;
        this.limits = limits;
        this.proxyPort = proxyPort;
        this.clock = clock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing || !(msg instanceof HttpObject object)) {
            ReferenceCountUtil.release(msg);
        } else if (exchange != null && requestRead) {
            queued.add(object);
            updateRead();
        } else {
            read(object);
        }
    }

    private void read(HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            begin(request);
            if (closing) {
                ReferenceCountUtil.release(msg);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            if (exchange == null || closing) {
                content.release();
            } else if (content.decoderResult().isFailure()) {
                content.release();
                if (exchange instanceof ForwardExchange) {
                    // the service has part of the request and may be answering it: neither side can go on
                    closing = true;
                    ctx.close();
                } else {
                    refuse(HttpResponseStatus.BAD_REQUEST, "The request's body is malformed: "
                            + content.decoderResult().cause().getMessage() + ".\n");
                }
            } else {
                boolean last = content instanceof LastHttpContent;
                requestRead |= last;
                Exchange current = exchange;
                current.content(content);
                if (last && current == exchange) {
                    finishIfDone();
                }
            }
        }
    }

    private void begin(HttpRequest request) {
        clock.headReceived();
        requestRead = false;
        answered = false;
        keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            refuseHead(request.decoderResult().cause());
            return;
        }
        Optional<TargetHost> host = TargetHost.of(request);
        if (host.isEmpty()) {
            exchange = new PageExchange(this, Pages.text(400, "The request names no host, or a malformed one: "
                    + "send a Host header such as Host: web.shop.localhost:" + proxyPort + ".\n"));
            return;
        }
        Route route = routes.route(host.get().name());
        if (route instanceof Route.Forward forward) {
            exchange = forward(forward, request, host.get());
        } else if (route instanceof Route.Local) {
            exchange = new LocalExchange(this, ctx, site, request, host.get().path());
        } else if (route instanceof Route.Waiting waiting) {
            exchange = new PageExchange(this, Pages.waiting(waiting));
        } else if (route instanceof Route.Unknown unknown) {
            exchange = new PageExchange(this, Pages.unknown(unknown, proxyPort));
        } else {
            exchange = new PageExchange(this, Pages.refused((Route.Refused) route));
        }
    }

    private Exchange forward(Route.Forward route, HttpRequest request, TargetHost host) {
        if (backend != null && !backend.reusableFor(route.port())) {
            backend.close();
            backend = null;
        }
        if (backend == null) {
            backend = Backend.connect(ctx.channel(), route.port(), limits.connectTimeout(), this::updateRead);
        }
        ForwardExchange forward = new ForwardExchange(this, ctx, route, request, backend);
        forward.start(request, host, (InetSocketAddress) ctx.channel().remoteAddress());
        updateRead();
        return forward;
    }

    /** Writes a whole answer of the proxy's own (a page, the site's answer) for the current request. */
    void answer(LocalAnswer answer) {
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        boolean keep = keepAlive && requestRead;
        HttpUtil.setKeepAlive(response, keep);
        ctx.write(response);
        answered(keep);
    }

    /** The current request's answer has been written whole; {@code keep}: the connection may serve another. */
    void answered(boolean keep) {
        answered = true;
        if (!keep || !requestRead) {
            close(!requestRead);
            return;
        }
        ctx.flush();
        finishIfDone();
    }

    private void finishIfDone() {
        if (exchange == null || !answered || !requestRead || closing) {
            return;
        }
        exchange = null;
        clock.awaitingNext();
        while (!closing && !queued.isEmpty() && !(exchange != null && requestRead)) {
            read(queued.poll());
        }
        if (backend != null) {
            // what the queue forwarded was read earlier: no read of the client's will flush it
            backend.flush();
        }
        updateRead();
    }

    /**
     * Closes once the answer is out. {@code linger}: the client may still be sending (a refused 1 MB
     * header, a body nobody reads); closing with unread bytes would reset the connection and could
     * destroy the answer before the client reads it, so the proxy stops writing, reads and drops what
     * still comes for a short while, then closes (as nginx's lingering close does).
     */
    private void close(boolean linger) {
        closing = true;
        if (!linger) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (ctx.channel() instanceof SocketChannel socket && socket.isActive()) {
                socket.shutdownOutput();
            }
        });
        ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
        ctx.channel().config().setAutoRead(true);
    }

    /** The service switched protocols: from now on this connection is a raw relay to {@code service}. */
    void upgraded(Channel service) {
        backend = null;
        closing = true;
        RawRelay.splice(ctx.channel(), service);
    }

    void updateRead() {
        if (closing) {
            return;
        }
        boolean read = queued.isEmpty() && (exchange == null || exchange.acceptsBody());
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    private void refuseHead(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            refuse(HttpResponseStatus.REQUEST_URI_TOO_LONG, "The request line is longer than the "
                    + limits.maxInitialLine() + " bytes the agent reads.\n");
        } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            refuse(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request's headers are larger than the "
                    + limits.maxHeaderBlock() + " bytes the agent reads.\n");
        } else {
            refuse(HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP/1.1: " + cause.getMessage() + ".\n");
        }
    }

    /** Answers a request that cannot be read further, and closes: the rest of its bytes mean nothing. */
    private void refuse(HttpResponseStatus status, String text) {
        if (closing) {
            return;
        }
        requestRead = false;
        answer(Pages.text(status.code(), text));
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (backend != null) {
            backend.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (backend != null) {
            backend.readFromService(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        if (backend != null) {
            backend.close();
        }
        if (exchange != null) {
            exchange.abort();
            exchange = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        queued.forEach(ReferenceCountUtil::release);
        queued.clear();
        if (exchange != null) {
            exchange.abort();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
