package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReadyLineTest {

    @Test
    void colouredLinesAreMatchedAsTheyRead() {
        ReadyLine vite = new ReadyLine(Pattern.compile("ready in \\d+"));
        ReadyLine flask = new ReadyLine(Pattern.compile("^ \\* Running on http://"));

        assertThat(vite.matches("  \u001b[32m\u001b[1mVITE\u001b[22m v6.4.6\u001b[39m  \u001b[2mready in \u001b[0m"
                + "\u001b[1m412\u001b[22m ms")).isTrue();
        assertThat(flask.matches(" * Running on \u001b[1mhttp://127.0.0.1:5000\u001b[0m")).isTrue();
        assertThat(flask.matches("\u001b]8;;http://x\u0007 * Running on http://127.0.0.1:5000")).isTrue();
        assertThat(vite.matches("  VITE v6.4.6  starting")).isFalse();
    }

    @Test
    void theSequencesAreNotPartOfWhatIsMatched() {
        assertThat(new ReadyLine(Pattern.compile("ready")).matches("ready")).isTrue();
        assertThat(new ReadyLine(Pattern.compile("\\[1m")).matches("\u001b[1mbold")).isFalse();
    }
}
