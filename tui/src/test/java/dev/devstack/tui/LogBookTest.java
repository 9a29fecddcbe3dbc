package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBookTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    private final LogBook book = new LogBook(3, 5);

    private List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void eachServiceAndTheWholeStackKeepOnlyTheirNewestLines() {
        for (int i = 1; i <= 4; i++) {
            book.add(AT, "api", LogLine.Kind.OUT, "api " + i);
        }
        book.add(AT, "web", LogLine.Kind.OUT, "web 1");
        book.add(AT, "web", LogLine.Kind.OUT, "web 2");

        assertThat(texts(book.window("api", Long.MAX_VALUE, 10))).containsExactly("api 2", "api 3", "api 4");
        assertThat(texts(book.window("", Long.MAX_VALUE, 10))).containsExactly("api 2", "api 3", "api 4", "web 1", "web 2");
        assertThat(texts(book.window("db", Long.MAX_VALUE, 10))).isEmpty();
    }

    @Test
    void aLongLineIsKeptCutSayingHowMuchIsOnlyInTheLogFile() {
        book.add(AT, "api", LogLine.Kind.OUT, "z".repeat(65_536));

        assertThat(texts(book.window("api", Long.MAX_VALUE, 1))).singleElement().asString()
                .isEqualTo("z".repeat(LogBook.MAX_CHARS) + " … (cut here; the whole line is in the log file)");
    }

    @Test
    void aWindowEndsAtItsAnchorAndCountsWhatCameAfter() {
        for (int i = 1; i <= 5; i++) {
            book.add(AT, "api", LogLine.Kind.OUT, "line " + i);
        }
        long third = book.window("", Long.MAX_VALUE, 3).get(0).seq();

        assertThat(texts(book.window("", third, 2))).containsExactly("line 2", "line 3");
        assertThat(book.countAfter("", third)).isEqualTo(2);
        assertThat(book.back("", third, 1)).isEqualTo(third - 1);
        assertThat(book.back("", third, 100)).isEqualTo(book.oldest(""));
        assertThat(book.forward("", third, 1)).isEqualTo(third + 1);
        assertThat(book.forward("", third, 100)).isEqualTo(book.newest(""));
    }

    @Test
    void searchFindsTheNearestLineInEitherDirectionIgnoringCase() {
        book.add(AT, "api", LogLine.Kind.OUT, "GET /a");
        book.add(AT, "api", LogLine.Kind.OUT, "other");
        book.add(AT, "api", LogLine.Kind.OUT, "get /b");
        long newest = book.newest("api");

        assertThat(book.search("api", "GET", newest + 1, true)).map(LogLine::text).hasValue("get /b");
        assertThat(book.search("api", "get", newest, true)).map(LogLine::text).hasValue("GET /a");
        assertThat(book.search("api", "get", book.oldest("api"), false)).map(LogLine::text).hasValue("get /b");
        assertThat(book.search("api", "nothing", newest + 1, true)).isEmpty();
    }
}
