package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may act: a request with the API token, or one from the web page with its cookie
 * ({@link WebPass}). The page's cookie counts only with an {@code Origin} that is this server
 * itself: SameSite keeps other sites' pages from sending it, but not the pages of other servers on
 * this machine (127.0.0.1 on another port is the same site), and each of those sends its own origin.
 */
final class ActionAccess {

    private final ApiToken token;
    private final WebPass pass;
    private final Clock clock;

    ActionAccess(ApiToken token, WebPass pass, Clock clock) {
        this.token = token;
        this.pass = pass;
        this.clock = clock;
    }

    /** Who asks for the action, when they may. */
    Optional<Caller> caller(HttpExchange exchange) {
        if (token.accepts(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")))) {
            return Optional.of(Caller.API);
        }
        return hasCookie(exchange) && sameOrigin(exchange) ? Optional.of(Caller.WEB) : Optional.empty();
    }

    /** Whether the browser that sent this request holds the page's cookie (for the page to show its buttons). */
    boolean hasCookie(HttpExchange exchange) {
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        return pass.accepts(cookies, clock.instant());
    }

    /** The one-time code's cookie, or empty when the code is wrong, used or expired. */
    Optional<String> redeem(String code) {
        return pass.redeem(code, clock.instant());
    }

    private static boolean sameOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        String host = exchange.getRequestHeaders().getFirst("Host");
        return origin != null && host != null
                && origin.trim().toLowerCase(Locale.ROOT).equals("http://" + host.trim().toLowerCase(Locale.ROOT));
    }

    ApiToken token() {
        return token;
    }
}
