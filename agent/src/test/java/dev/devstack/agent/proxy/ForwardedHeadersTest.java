package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);
    private static final TargetHost HOST = new TargetHost("web.shop.localhost", "web.shop.localhost:7777", "/p");

    @Test
    void hopByHopHeadersStayBehindAndTheServiceLearnsWhoAsked() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/p");
        request.headers().add("Host", "web.shop.localhost:7777").add("Connection", "keep-alive, X-Secret")
                .add("X-Secret", "1").add("Keep-Alive", "timeout=5").add("Proxy-Authorization", "Basic x")
                .add("TE", "trailers").add("Transfer-Encoding", "chunked").add("X-Forwarded-For", "10.0.0.1")
                .add("Accept", "text/html");

        ForwardedHeaders.toService(request, HOST, CLIENT);

        assertThat(request.headers().names()).containsExactlyInAnyOrder("Host", "Transfer-Encoding", "Accept",
                "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host");
        assertThat(request.headers().get("x-forwarded-for")).isEqualTo("10.0.0.1, 127.0.0.1");
        assertThat(request.headers().get("x-forwarded-proto")).isEqualTo("http");
        assertThat(request.headers().get("x-forwarded-host")).isEqualTo("web.shop.localhost:7777");
    }

    @Test
    void anUpgradeKeepsItsHandshakeBothWays() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws");
        request.headers().add("Host", "web.shop.localhost:7777").add("Connection", "keep-alive, Upgrade")
                .add("Upgrade", "websocket").add("Sec-WebSocket-Key", "k");
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
        response.headers().add("Connection", "Upgrade").add("Upgrade", "websocket").add("Sec-WebSocket-Accept", "a");

        ForwardedHeaders.toService(request, HOST, CLIENT);
        ForwardedHeaders.toClient(response);

        assertThat(ForwardedHeaders.asksUpgrade(request)).isTrue();
        assertThat(request.headers().get("Upgrade")).isEqualTo("websocket");
        assertThat(request.headers().get("Sec-WebSocket-Key")).isEqualTo("k");
        assertThat(response.headers().get("Connection")).isEqualTo("upgrade");
        assertThat(response.headers().get("Upgrade")).isEqualTo("websocket");
    }
}
