package dev.devstack.agent.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headers a request and a response lose and gain on their way through the proxy (RFC 9110 §7.6):
 * hop-by-hop headers stay on their hop, except the upgrade handshake, which the proxy relays so that
 * a WebSocket reaches the service; the service learns who asked, how and for which host.
 * {@code Transfer-Encoding} and {@code Content-Length} stay: they frame the body, which the codecs
 * on both sides write again as it came.
 */
final class ForwardedHeaders {

    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, "proxy-connection", HttpHeaderNames.PROXY_AUTHENTICATE,
            HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE);

    private ForwardedHeaders() {
    }

    /** Whether the request asks to switch protocols (a WebSocket handshake, or any {@code Upgrade}). */
    static boolean asksUpgrade(HttpRequest request) {
        return request.headers().contains(HttpHeaderNames.UPGRADE)
                && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    /** The request as the service gets it: origin-form target, its own hop's headers, X-Forwarded-*. */
    static void toService(HttpRequest request, TargetHost host, InetSocketAddress client) {
        boolean upgrade = asksUpgrade(request);
        String protocol = request.headers().get(HttpHeaderNames.UPGRADE);
        stripHopByHop(request);
        if (upgrade) {
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            request.headers().set(HttpHeaderNames.UPGRADE, protocol);
        }
        request.setUri(host.path());
        // as sent (dev servers such as Vite accept *.localhost); an absolute-form target's authority wins
        if (!host.authority().equals(request.headers().get(HttpHeaderNames.HOST))) {
            request.headers().set(HttpHeaderNames.HOST, host.authority());
        }
        HttpHeaders headers = request.headers();
        String ip = client.getAddress().getHostAddress();
        String earlier = String.join(", ", headers.getAll("x-forwarded-for"));
        headers.set("x-forwarded-for", earlier.isBlank() ? ip : earlier + ", " + ip);
        headers.set("x-forwarded-proto", "http");
        headers.set("x-forwarded-host", host.authority());
    }

    /** The response as the client gets it; a 101 keeps its handshake. */
    static void toClient(HttpResponse response) {
        boolean switching = response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS);
        String protocol = response.headers().get(HttpHeaderNames.UPGRADE);
        stripHopByHop(response);
        if (switching && protocol != null) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            response.headers().set(HttpHeaderNames.UPGRADE, protocol);
        }
    }

    private static void stripHopByHop(HttpMessage message) {
        HttpHeaders headers = message.headers();
        List<String> named = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("transfer-encoding") && !name.equals("content-length")) {
                    named.add(name);
                }
            }
        }
        named.forEach(headers::remove);
        HOP_BY_HOP.forEach(headers::remove);
    }
}
