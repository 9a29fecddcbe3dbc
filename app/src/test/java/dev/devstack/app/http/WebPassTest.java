package dev.devstack.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web page's one-time code and cookie: signed by the user's token, the code good once and briefly. */
class WebPassTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String API = "http://127.0.0.1:24609";

    @TempDir
    Path dir;

    private static String cookie(WebPass.Pass pass) {
        return pass.setCookie().substring(0, pass.setCookie().indexOf(';'));
    }

    @Test
    void aCodeIsTradedOnceForAnHttpOnlySameSiteStrictCookieAndItsKeyThatTheSameTokenAccepts() {
        ApiToken token = ApiToken.of(dir);
        WebPass pass = new WebPass(token, API);
        String code = WebPass.code(token, API, NOW);

        Optional<WebPass.Pass> traded = pass.redeem(code, NOW.plusSeconds(5));

        assertThat(traded).hasValueSatisfying(value -> assertThat(value.setCookie()).startsWith("devstack_")
                .contains("; Path=/", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200"));
        assertThat(pass.redeem(code, NOW.plusSeconds(6))).as("a second use of the code").isEmpty();
        assertThat(new WebPass(token, "http://127.0.0.1:24610").redeem(code, NOW.plusSeconds(6)))
                .as("the code at another stack of the same user, which never saw it used").isEmpty();
        String cookie = cookie(traded.orElseThrow());
        Optional<String> key = Optional.of(traded.orElseThrow().key());
        assertThat(pass.accepts(List.of("other=1; " + cookie), key, NOW.plusSeconds(7))).isTrue();
        assertThat(new WebPass(token, "http://127.0.0.1:24610").accepts(List.of(cookie), key,
                NOW.plus(Duration.ofHours(11)))).as("another stack of the same user, later").isTrue();
        assertThat(pass.accepts(List.of(cookie), key, NOW.plus(Duration.ofHours(13)))).as("after 12 hours").isFalse();
    }

    @Test
    void theCookieAloneActsOnNothingSinceEveryServerOnTheHostGetsItAndOnlyThePageHasTheKey() {
        ApiToken token = ApiToken.of(dir);
        WebPass pass = new WebPass(token, API);
        WebPass.Pass first = pass.redeem(WebPass.code(token, API, NOW), NOW).orElseThrow();
        WebPass.Pass second = pass.redeem(WebPass.code(token, API, NOW), NOW).orElseThrow();

        assertThat(pass.accepts(List.of(cookie(first)), Optional.empty(), NOW)).as("no key").isFalse();
        assertThat(pass.accepts(List.of(cookie(first)), Optional.of(second.key()), NOW)).as("another cookie's key")
                .isFalse();
        assertThat(pass.accepts(List.of(cookie(first)), Optional.of(first.key()), NOW)).isTrue();
    }

    @Test
    void aCodeTooOldTamperedWithOrSignedByAnotherTokenIsRefused() {
        ApiToken token = ApiToken.of(dir.resolve("mine"));
        ApiToken other = ApiToken.of(dir.resolve("theirs"));
        WebPass pass = new WebPass(token, API);
        String code = WebPass.code(token, API, NOW);
        String[] parts = code.split("\\.");

        assertThat(pass.redeem(code, NOW.plusSeconds(61))).as("older than a minute").isEmpty();
        assertThat(pass.redeem(WebPass.code(other, API, NOW), NOW)).as("another user's code").isEmpty();
        assertThat(pass.redeem((Long.parseLong(parts[0]) + 3600) + "." + parts[1] + "." + parts[2], NOW))
                .as("a later expiry under the same signature").isEmpty();
        assertThat(pass.redeem("", NOW)).isEmpty();
        assertThat(pass.redeem("1.2.3", NOW)).isEmpty();
        assertThat(pass.redeem(code, NOW)).as("the untouched code still works").isPresent();
    }

    @Test
    void eachUserHasACookieOfTheirOwnNameSoThatTwoUsersStacksDoNotOverwriteEachOthers() {
        ApiToken mine = ApiToken.of(dir.resolve("mine"));
        ApiToken theirs = ApiToken.of(dir.resolve("theirs"));
        WebPass.Pass myPass = new WebPass(mine, API).redeem(WebPass.code(mine, API, NOW), NOW).orElseThrow();
        WebPass.Pass theirPass = new WebPass(theirs, API).redeem(WebPass.code(theirs, API, NOW), NOW).orElseThrow();
        String myCookie = cookie(myPass);
        String theirCookie = cookie(theirPass);

        assertThat(myCookie.substring(0, myCookie.indexOf('=')))
                .isNotEqualTo(theirCookie.substring(0, theirCookie.indexOf('=')));
        assertThat(new WebPass(mine, API).accepts(List.of(theirCookie), Optional.of(theirPass.key()), NOW)).isFalse();
        String forged = myCookie.substring(0, myCookie.indexOf('=') + 1) + theirCookie.substring(theirCookie.indexOf('=') + 1);
        assertThat(new WebPass(mine, API).accepts(List.of(forged), Optional.of(theirPass.key()), NOW))
                .as("their cookie's value under my name").isFalse();
    }
}
