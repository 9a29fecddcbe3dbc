package dev.devstack.agent.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes one way between a client and a service after they switched protocols (a WebSocket): no HTTP
 * codec, no clock (an open socket is not idle, it ends when either side closes), and the same
 * back-pressure as for HTTP: a side is read only while the other takes more.
 */
final class RawRelay extends ChannelInboundHandlerAdapter {

    private final Channel peer;
    private final List<ByteBuf> early = new ArrayList<>();
    private boolean linked;

    private RawRelay(Channel peer) {
        this.peer = peer;
    }

    /**
     * Swaps both pipelines from HTTP to raw bytes. The codecs hand on what they still hold when they
     * are removed; that waits in the relays until both codecs are gone, so that no raw byte is written
     * through an HTTP encoder.
     */
    static void splice(Channel client, Channel service) {
        RawRelay toService = new RawRelay(service);
        RawRelay toClient = new RawRelay(client);
        client.pipeline().replace(ProxyHandler.class, "relay", toService);
        service.pipeline().replace("service", "relay", toClient);
        client.pipeline().remove(RequestClock.class);
        client.pipeline().remove(HttpServerCodec.class);
        service.pipeline().remove(HttpClientCodec.class);
        toService.link();
        toClient.link();
        client.config().setAutoRead(service.isWritable());
        service.config().setAutoRead(client.isWritable());
        if (!service.isActive()) {
            client.close();
        }
    }

    private void link() {
        linked = true;
        early.forEach(peer::write);
        early.clear();
        peer.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ReferenceCountUtil.release(msg);
        } else if (!linked) {
            early.add(bytes);
        } else {
            peer.write(bytes);
            if (!peer.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        peer.config().setAutoRead(ctx.channel().isWritable());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        early.forEach(ReferenceCountUtil::release);
        early.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
