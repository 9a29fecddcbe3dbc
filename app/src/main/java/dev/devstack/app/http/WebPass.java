package dev.devstack.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the web page may act without ever holding the API token (docs/web.md, Access). `devstack web`
 * signs a one-time code with the token; the page trades it for a cookie, signed the same way, that
 * the browser keeps HttpOnly and SameSite=Strict, and a key, the cookie's own signature, that the
 * page keeps in its tab and sends as {@value #KEY_HEADER}. Both are needed: a browser sends the
 * cookie to every server on 127.0.0.1 (cookies are kept by host, not by port), so a dev server the
 * page links to gets the cookie, but never the key, which only the page's own origin can read.
 * Code and cookie are {@code expiry.nonce.mac}: nothing is stored but the codes already used, so
 * that a code works once, and any stack of the same user (the same token) takes the pair, which is
 * why the page keeps its actions across a restart of the stack.
 */
public final class WebPass {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration COOKIE_LIFETIME = Duration.ofHours(12);
    private static final String CODE = "devstack web code";
    private static final String COOKIE = "devstack web cookie";
    private static final String KEY = "devstack web key";
    static final String KEY_HEADER = "X-Devstack-Key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiToken token;
    private final String apiUrl;
    private final String cookieName;
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    /** @param apiUrl the API this stack answers at ({@code http://127.0.0.1:PORT}): the only one whose codes it takes */
    WebPass(ApiToken token, String apiUrl) {
        this.token = token;
        this.apiUrl = apiUrl;
        this.cookieName = "devstack_" + HexFormat.of().formatHex(token.sign("devstack web cookie name"), 0, 4);
    }

    /**
     * A code that opens the page of the stack at {@code apiUrl} with its actions, once, within
     * {@link #CODE_LIFETIME} of {@code now}.
     */
    public static String code(ApiToken token, String apiUrl, Instant now) {
        return signed(token, codePurpose(apiUrl), now.plus(CODE_LIFETIME));
    }

    private static String codePurpose(String apiUrl) {
        return CODE + " for " + apiUrl;
    }

    /**
     * What a valid, unused code is traded for: the {@code Set-Cookie} value and the key that goes with
     * the cookie. The cookie's name is the user's own, so that two users' stacks on one machine do
     * not overwrite each other's cookie in one browser.
     */
    record Pass(String setCookie, String key) {
    }

    /** The pass a valid, unused code is traded for; the code is used up. */
    Optional<Pass> redeem(String code, Instant now) {
        Optional<String[]> parts = verified(codePurpose(apiUrl), code, now, CODE_LIFETIME);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        used.values().removeIf(expiry -> expiry.isBefore(now));
        if (used.putIfAbsent(parts.get()[1], Instant.ofEpochSecond(Long.parseLong(parts.get()[0]))) != null) {
            return Optional.empty();
        }
        String cookie = signed(token, COOKIE, now.plus(COOKIE_LIFETIME));
        return Optional.of(new Pass(cookieName + "=" + cookie + "; Path=/; Max-Age=" + COOKIE_LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict", key(cookie)));
    }

    /**
     * Whether one of the request's {@code Cookie} headers carries a valid cookie of this user and
     * {@code key} is that cookie's key.
     */
    boolean accepts(List<String> cookieHeaders, Optional<String> key, Instant now) {
        if (key.isEmpty()) {
            return false;
        }
        byte[] offered = key.get().trim().getBytes(StandardCharsets.US_ASCII);
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(cookieName + "=")) {
                    String cookie = trimmed.substring(cookieName.length() + 1);
                    if (verified(COOKIE, cookie, now, COOKIE_LIFETIME).isPresent()
                            && MessageDigest.isEqual(key(cookie).getBytes(StandardCharsets.US_ASCII), offered)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String key(String cookie) {
        return HexFormat.of().formatHex(token.sign(KEY + "\n" + cookie.trim()));
    }

    private static String signed(ApiToken token, String purpose, Instant expiry) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = expiry.getEpochSecond() + "." + HexFormat.of().formatHex(nonce);
        return body + "." + HexFormat.of().formatHex(token.sign(purpose + "\n" + body));
    }

    /** The expiry and nonce of a value this token signed for {@code purpose}, unexpired and not too far ahead. */
    private Optional<String[]> verified(String purpose, String value, Instant now, Duration lifetime) {
        String[] parts = value.trim().split("\\.");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,12}") || !parts[1].matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        byte[] expected = HexFormat.of().formatHex(token.sign(purpose + "\n" + parts[0] + "." + parts[1]))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        return expiry.isAfter(now) && !expiry.isAfter(now.plus(lifetime)) ? Optional.of(parts) : Optional.empty();
    }
}
