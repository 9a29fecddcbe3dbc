package dev.devstack.agent.proxy;

import dev.devstack.agent.names.Route;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;

/**
 * A request forwarded to a service and its answer streamed back, part by part as each arrives (no
 * aggregation: an upload or an event stream passes through), reading each side only as fast as the
 * other takes it. A 101 answer to an upgrade turns the connection into a raw relay.
 */
final class ForwardExchange implements Exchange, Backend.Listener {

    private final ProxyHandler owner;
    private final ChannelHandlerContext ctx;
    private final Route.Forward route;
    private final Backend backend;
    private final boolean upgrade;
    private final boolean head;
    private final boolean clientKeepAlive;
    private final HttpVersion clientVersion;
    private boolean started;
    private boolean interim;
    private boolean switching;
    private boolean done;
    private boolean keepAlive;

    ForwardExchange(ProxyHandler owner, ChannelHandlerContext ctx, Route.Forward route, HttpRequest request,
                    Backend backend) {
        this.owner = owner;
        this.ctx = ctx;
        this.route = route;
        this.backend = backend;
        this.upgrade = ForwardedHeaders.asksUpgrade(request);
        this.head = request.method().equals(HttpMethod.HEAD);
        this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        this.clientVersion = request.protocolVersion();
    }

    void start(HttpRequest request, TargetHost host, InetSocketAddress client) {
        backend.listen(this);
        ForwardedHeaders.toService(request, host, client);
        backend.write(request);
    }

    @Override
    public void content(HttpContent content) {
        backend.write(content);
    }

    @Override
    public boolean acceptsBody() {
        return backend.acceptsWrites();
    }

    @Override
    public void response(HttpObject msg) {
        if (done || msg.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            if (!done) {
                lost();
            }
            return;
        }
        if (msg instanceof HttpResponse response) {
            head(response);
        }
        if (msg instanceof HttpContent content) {
            body(content);
        }
        if (!ctx.channel().isWritable()) {
            backend.readFromService(false);
        }
    }

    private void head(HttpResponse response) {
        if (response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS) && upgrade) {
            switching = true;
        } else if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            interim = true;
        } else {
            started = true;
            if (!HttpUtil.isKeepAlive(response)) {
                backend.retire();
            }
            keepAlive = clientKeepAlive && framed(response);
        }
        ForwardedHeaders.toClient(response);
        if (started) {
            HttpUtil.setKeepAlive(response, keepAlive);
        }
        ctx.write(response);
    }

    /**
     * Whether the client can tell where the answer ends without the connection closing. An answer
     * that ends at close (HTTP/1.0 style) is chunked for an HTTP/1.1 client so that its connection
     * stays open; an HTTP/1.0 client cannot read chunks and gets the body up to close instead.
     */
    private boolean framed(HttpResponse response) {
        int code = response.status().code();
        if (head || code == 204 || code == 304 || HttpUtil.isContentLengthSet(response)) {
            return true;
        }
        if (clientVersion.equals(HttpVersion.HTTP_1_0)) {
            HttpUtil.setTransferEncodingChunked(response, false);
            return false;
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        HttpUtil.setTransferEncodingChunked(response, true);
        return true;
    }

    private void body(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        ctx.write(content);
        if (!last) {
            return;
        }
        if (interim) {
            interim = false;
        } else if (switching) {
            done = true;
            ctx.flush();
            owner.upgraded(backend.release());
        } else {
            done = true;
            backend.listen(null);
            owner.answered(keepAlive);
        }
    }

    @Override
    public void lost() {
        if (done) {
            return;
        }
        done = true;
        backend.listen(null);
        if (started || switching || interim) {
            ctx.close();
        } else {
            owner.answer(Pages.notAnswering(route));
        }
    }
}
