package dev.devstack.agent.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The host a request is for: the authority of an absolute-form target ({@code GET http://x/ HTTP/1.1},
 * which RFC 9112 puts before {@code Host}), else the {@code Host} header; without its port, in lower
 * case (an IPv6 literal keeps its brackets: {@code [::1]}). Empty when the request names none or a
 * malformed one.
 *
 * @param name      what the route table is asked about
 * @param authority the host as the client sent it, port included: for {@code X-Forwarded-Host}
 * @param path      the origin-form target for the backend ({@code /path?query})
 */
record TargetHost(String name, String authority, String path) {

    private static final Pattern PORT = Pattern.compile(":[0-9]{0,5}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+]");

    static Optional<TargetHost> of(HttpRequest request) {
        String target = request.uri();
        if (!target.startsWith("/") && target.contains("://")) {
            return absolute(target);
        }
        String header = request.headers().get(HttpHeaderNames.HOST);
        if (header == null || request.headers().getAll(HttpHeaderNames.HOST).size() > 1) {
            return Optional.empty();
        }
        return name(header.strip()).map(name -> new TargetHost(name, header.strip(), target));
    }

    private static Optional<TargetHost> absolute(String target) {
        try {
            URI uri = new URI(target);
            if (uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return name(uri.getRawAuthority()).map(name -> new TargetHost(name, uri.getRawAuthority(), path));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code host[:port]} or {@code [v6][:port]} to the host alone; anything else is no name. */
    private static Optional<String> name(String authority) {
        String host;
        String rest;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = authority.substring(0, close + 1);
            rest = authority.substring(close + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            rest = colon < 0 ? "" : authority.substring(colon);
        }
        if (host.isEmpty() || !validHost(host) || !(rest.isEmpty() || PORT.matcher(rest).matches())) {
            return Optional.empty();
        }
        return Optional.of(host.toLowerCase(Locale.ROOT));
    }

    private static boolean validHost(String host) {
        return (host.startsWith("[") ? IPV6 : NAME).matcher(host).matches();
    }
}
