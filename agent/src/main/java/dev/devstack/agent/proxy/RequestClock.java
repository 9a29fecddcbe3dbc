package dev.devstack.agent.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The client's clock, in front of the HTTP decoder so that it sees raw bytes: a connection has
 * {@link ProxyLimits#headTimeout()} to send a whole request head (from when it connects, or from the
 * first byte of a later request) and {@link ProxyLimits#idleTimeout()} to start one on keep-alive.
 * While a request is being answered no clock runs: a long upload or an event stream is not idle.
 */
final class RequestClock extends ChannelDuplexHandler {

    /** Written below the encoder: the decoder may hold half a head, and no response has started. */
    private static final byte[] TIMED_OUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 51\r\nConnection: close\r\n\r\n"
            + "The request head did not arrive in time; try again.").getBytes(StandardCharsets.US_ASCII);

    private enum Waiting { HEAD, NEXT_REQUEST, NOTHING }

    private final ProxyLimits limits;
    private ChannelHandlerContext ctx;
    private Waiting waiting = Waiting.NOTHING;
    private boolean bytesSeen;
    private ScheduledFuture<?> timer;

    RequestClock(ProxyLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startHead(false);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
            if (waiting == Waiting.NEXT_REQUEST) {
                startHead(true);
            } else if (waiting == Waiting.HEAD) {
                bytesSeen = true;
            }
        }
        super.channelRead(ctx, msg);
    }

    /** A whole request head was read: the clock stops until its answer is done. */
    void headReceived() {
        waiting = Waiting.NOTHING;
        cancel();
    }

    /** The answer is done and the connection stays open for the next request. */
    void awaitingNext() {
        waiting = Waiting.NEXT_REQUEST;
        schedule(limits.idleTimeout());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void startHead(boolean started) {
        waiting = Waiting.HEAD;
        bytesSeen = started;
        schedule(limits.headTimeout());
    }

    private void schedule(Duration after) {
        cancel();
        timer = ctx.executor().schedule(this::expire, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire() {
        timer = null;
        if (waiting == Waiting.HEAD && bytesSeen) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener(ChannelFutureListener.CLOSE);
        } else if (waiting != Waiting.NOTHING) {
            ctx.close();
        }
    }
}
