package dev.devstack.agent.proxy;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A request to the agent's own site: read whole (at most {@link LocalRequest#MAX_BODY}, 413 beyond),
 * handed to the {@link LocalSite}, and answered on the connection's event loop when the site's
 * future completes, so that the site may wait without holding an event-loop thread.
 */
final class LocalExchange implements Exchange {

    private final ProxyHandler owner;
    private final ChannelHandlerContext ctx;
    private final LocalSite site;
    private final HttpRequest request;
    private final String target;
    private final CompositeByteBuf body;
    private boolean refused;

    LocalExchange(ProxyHandler owner, ChannelHandlerContext ctx, LocalSite site, HttpRequest request, String target) {
        this.owner = owner;
        this.ctx = ctx;
        this.site = site;
        this.request = request;
        this.target = target;
        this.body = ctx.alloc().compositeBuffer();
        if (HttpUtil.getContentLength(request, -1L) > LocalRequest.MAX_BODY) {
            tooLarge();
        } else if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    @Override
    public void content(HttpContent content) {
        if (refused) {
            content.release();
            return;
        }
        body.addComponent(true, content.content().retain());
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (body.readableBytes() > LocalRequest.MAX_BODY) {
            tooLarge();
        } else if (last) {
            ask();
        }
    }

    @Override
    public void abort() {
        if (body.refCnt() > 0) {
            body.release();
        }
    }

    private void tooLarge() {
        refused = true;
        body.release();
        owner.answer(Pages.text(413, "The agent's own site takes at most " + LocalRequest.MAX_BODY
                + " bytes in a request body; this one (" + request.method() + " " + target + ") has more.\n"));
    }

    private void ask() {
        byte[] bytes = ByteBufUtil.getBytes(body);
        body.release();
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (earlier, later) -> earlier + ", " + later));
        CompletableFuture<LocalAnswer> answer;
        try {
            answer = site.answer(new LocalRequest(request.method().name(), target, headers, bytes,
                    (InetSocketAddress) ctx.channel().remoteAddress()));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((done, error) -> ctx.executor().execute(() -> owner.answer(
                error != null ? Pages.failed(unwrapped(error))
                        : done != null ? done : Pages.failed(new IllegalStateException("the agent's site gave no answer")))));
    }

    private static Throwable unwrapped(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
    }
}
