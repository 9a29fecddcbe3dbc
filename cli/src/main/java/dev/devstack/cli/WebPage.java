package dev.devstack.cli;

import dev.devstack.app.http.ApiToken;
import dev.devstack.app.http.WebPass;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's web page as `devstack web` and `up --web` open it (docs/web.md): its address, and the
 * same with a one-time code that lets this browser act; opened in the browser when the desktop has
 * an opener ({@link BrowserOpener}).
 *
 * @param url      the page: the root of the stack's HTTP API
 * @param loginUrl the page with the code, good once within a minute
 */
record WebPage(String url, String loginUrl) {

    /** The page of the stack whose HTTP API answers at {@code apiUrl}, with a new code signed by the user's token. */
    static WebPage of(String apiUrl, Path home, Instant now) {
        String url = apiUrl + "/";
        return new WebPage(url, url + "?code=" + WebPass.code(ApiToken.of(home), apiUrl, now));
    }

    /** Opens the page with its code; the opener's name, or empty when there is none. */
    Optional<String> open(Map<String, String> environment) {
        return BrowserOpener.open(environment, loginUrl);
    }

    /** What to tell the user once {@link #open} answered {@code opener}. */
    String told(Optional<String> opener) {
        return opener.map(name -> "web page " + url + " opened with " + name)
                .orElse("web page " + url + " (no browser opener here: " + String.join(", ", BrowserOpener.tried())
                        + "); to act from it, open this link within a minute: " + loginUrl);
    }
}
