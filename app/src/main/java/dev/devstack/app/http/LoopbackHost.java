package dev.devstack.app.http;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request's {@code Host} names this machine's loopback: {@code 127.0.0.1},
 * {@code localhost} or {@code [::1]}, each with or without a port. Anything else is refused, so
 * that a web page whose name was re-pointed at 127.0.0.1 (DNS rebinding) cannot read the API from
 * a browser: the browser still sends the page's own name. A request without a {@code Host}
 * (HTTP/1.0) is allowed: every browser sends one, so only a local program can leave it out.
 */
final class LoopbackHost {

    private LoopbackHost() {
    }

    static boolean allowed(Optional<String> host) {
        if (host.isEmpty()) {
            return true;
        }
        String value = host.get().trim().toLowerCase(Locale.ROOT);
        String name = value;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = value.substring(0, close + 1);
            String rest = value.substring(close + 1);
            return name.equals("[::1]") && (rest.isEmpty() || rest.startsWith(":") && port(rest.substring(1)));
        }
        int colon = value.indexOf(':');
        if (colon >= 0) {
            name = value.substring(0, colon);
            if (!port(value.substring(colon + 1))) {
                return false;
            }
        }
        return name.equals("127.0.0.1") || name.equals("localhost");
    }

    private static boolean port(String digits) {
        return !digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
