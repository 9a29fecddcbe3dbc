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

    /** What to tell the user on their terminal once {@link #open} answered {@code opener}. */
    String told(Optional<String> opener) {
        return told(opener, "to act from it, open this link within a minute: " + loginUrl);
    }

    /**
     * The same for the stack's output, without the code: anyone on this machine can read that output
     * from the stack's API (its reads are open), and the code would let them act.
     */
    String toldInOutput(Optional<String> opener) {
        return told(opener, "`devstack web --no-open` prints a one-time link to act from it");
    }

    private String told(Optional<String> opener, String withoutOpener) {
        return opener.map(name -> "web page " + url + " opened with " + name)
                .orElse("web page " + url + " (no browser opener here: " + String.join(", ", BrowserOpener.tried())
                        + "); " + withoutOpener);
    }
}
