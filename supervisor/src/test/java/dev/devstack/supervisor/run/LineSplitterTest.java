package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(lines::add);

    private void feed(byte[] bytes) {
        splitter.feed(ByteBuffer.wrap(bytes));
    }

    @Test
    void linesAreSplitOnNewlinesAndCarriageReturnsAreDropped() {
        feed("one\ntwo\r\nthr".getBytes(StandardCharsets.UTF_8));
        feed("ee\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void aCharacterSplitBetweenTwoReadsIsDecodedWhole() {
        byte[] bytes = "grüße 🚀\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            feed(new byte[] {b});
        }

        assertThat(lines).containsExactly("grüße 🚀");
    }

    @Test
    void theLastLineWithoutANewlineIsKeptWhenTheStreamCloses() {
        feed("first\nlast words".getBytes(StandardCharsets.UTF_8));
        splitter.close();

        assertThat(lines).containsExactly("first", "last words");
    }

    @Test
    void anOverlongLineIsCutAtACharacterBoundaryAndNothingIsLost() {
        String euro = "€";
        String line = euro.repeat(LineSplitter.MAX_LINE / 3 + 10);
        feed((line + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo(line);
        assertThat(lines).allSatisfy(piece -> assertThat(piece).doesNotContain("\uFFFD"));
    }

    @Test
    void invalidUtf8IsReplacedNotDropped() {
        feed(new byte[] {'a', (byte) 0xff, 'b', '\n'});

        assertThat(lines).containsExactly("a\uFFFDb");
    }
}
