package dev.devstack.agent.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetHostTest {

    @ParameterizedTest(name = "{0} with Host {1}")
    @CsvSource(nullValues = "-", value = {
            "/a?b=1,                 Web.Shop.LOCALHOST:8080, web.shop.localhost, Web.Shop.LOCALHOST:8080, /a?b=1",
            "/,                      web.shop.localhost,      web.shop.localhost, web.shop.localhost,      /",
            "/,                      '[::1]:8080',            '[::1]',            '[::1]:8080',            /",
            "/,                      127.0.0.1:80,            127.0.0.1,          127.0.0.1:80,            /",
            "http://Example.com/x?y, web.shop.localhost,      example.com,        Example.com,             /x?y",
            "http://api.localhost:9, -,                       api.localhost,      api.localhost:9,         /",
            "/,                      -,                       -,                  -,                       -",
            "/,                      'a b',                   -,                  -,                       -",
            "/,                      'x:port',                -,                  -,                       -",
            "/,                      '[::1',                  -,                  -,                       -",
            "http://user@evil.com/,  web.shop.localhost,      -,                  -,                       -",
    })
    void theHostIsTheAbsoluteTargetsAuthorityElseTheHostHeaderWithoutPort(String target, String header, String name,
                                                                            String authority, String path) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        if (header != null) {
            request.headers().set("Host", header);
        }

        Optional<TargetHost> host = TargetHost.of(request);

        assertThat(host).isEqualTo(name == null ? Optional.empty() : Optional.of(new TargetHost(name, authority, path)));
    }
}
