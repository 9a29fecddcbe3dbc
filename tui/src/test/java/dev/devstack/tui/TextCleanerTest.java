package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void colourAndCursorSequencesAreRemoved() {
        assertThat(TextCleaner.clean("\u001b[32mGET\u001b[0m /healthz \u001b[1;31m500\u001b[m")).isEqualTo("GET /healthz 500");
        assertThat(TextCleaner.clean("\u001b[2K\u001b[1Gbuilding…")).isEqualTo("building…");
        assertThat(TextCleaner.clean("\u001b]0;title\u0007ready")).isEqualTo("ready");
    }

    @Test
    void tabsBecomeSpacesAndOtherControlsAreShown() {
        assertThat(TextCleaner.clean("a\tb")).isEqualTo("a   b");
        assertThat(TextCleaner.clean("bell\u0007 cr\r")).isEqualTo("bell? cr?");
    }

    @Test
    void aPlainLineIsReturnedAsItIs() {
        String line = "plain line, ünïcödé and 漢字";

        assertThat(TextCleaner.clean(line)).isSameAs(line);
    }
}
