package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void eachInvalidSequenceIsReplacedAndTheTextAroundItIsKept() {
        feed(new byte[] {'w', (byte) 0xc3, '(', ' ', (byte) 0xed, (byte) 0xa0, (byte) 0x80, ' ', (byte) 0xf4, (byte) 0x90,
                (byte) 0x80, (byte) 0x80, ' ', (byte) 0xc0, (byte) 0xaf, ' ', (byte) 0xe2, (byte) 0x82, '\r', '\n'});

        assertThat(lines).containsExactly("w\uFFFD( \uFFFD \uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD \uFFFD");
    }

    @Test
    void aTwentyMebibyteLineReadInRandomPiecesIsShownInBoundedPiecesThatTogetherAreTheLine() {
        String line = "ab€ü🚀".repeat(2 * 1024 * 1024);
        byte[] bytes = (line + "\r\nnext\n").getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20);
        int from = 0;
        while (from < bytes.length) {
            int to = Math.min(bytes.length, from + 1 + random.nextInt(256 * 1024));
            splitter.feed(ByteBuffer.wrap(bytes, from, to - from));
            from = to;
        }

        assertThat(lines.get(lines.size() - 1)).isEqualTo("next");
        List<String> pieces = lines.subList(0, lines.size() - 1);
        assertThat(pieces).allSatisfy(piece -> assertThat(piece.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LineSplitter.MAX_LINE));
        assertThat(String.join("", pieces).equals(line)).as("the pieces together are the line").isTrue();
    }
}
