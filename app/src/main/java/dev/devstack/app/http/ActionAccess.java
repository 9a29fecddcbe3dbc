package dev.devstack.app.http;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may act: a request with the API token, or one from the web page with its pass, the cookie
 * and its key ({@link WebPass}). The pass counts only with an {@code Origin} that is this server
 * itself: SameSite keeps other sites' pages from sending the cookie, but not the pages of other
 * servers on this machine (127.0.0.1 on another port is the same site), and each of those sends its
 * own origin.
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
        return holdsPass(exchange) && sameOrigin(exchange) ? Optional.of(Caller.WEB) : Optional.empty();
    }

    /** Whether the request carries the page's pass, wherever it comes from (for the page to show its buttons). */
    boolean holdsPass(HttpExchange exchange) {
        List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
        return pass.accepts(cookies, Optional.ofNullable(exchange.getRequestHeaders().getFirst(WebPass.KEY_HEADER)),
                clock.instant());
    }

    /** The one-time code's pass, or empty when the code is wrong, used or expired. */
    Optional<WebPass.Pass> redeem(String code) {
        return pass.redeem(code, clock.instant());
    }

    /** Whether the request comes from a page of this server. */
    static boolean sameOrigin(HttpExchange exchange) {
        return origin(exchange).equals(ownOrigin(exchange));
    }

    /** The origin the request names ("" for none). */
    static String origin(HttpExchange exchange) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin")).orElse("").trim()
                .toLowerCase(Locale.ROOT);
    }

    /** The origin of this server's own page, as the request reached it. */
    static String ownOrigin(HttpExchange exchange) {
        return "http://" + Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("").trim()
                .toLowerCase(Locale.ROOT);
    }

    ApiToken token() {
        return token;
    }
}
