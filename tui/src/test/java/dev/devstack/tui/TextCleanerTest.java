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
    void aLineForPlainOutputKeepsOnlyItsColoursAndWhatATerminalWouldShowAfterItsLastCarriageReturn() {
        String progress = "\u001b[2K\u001b[1G 10%\r\u001b[2K\u001b[1G\u001b[32m 90%\u001b[0m\tdone\u0007\r";

        assertThat(TextCleaner.forLog(progress, true)).isEqualTo("\u001b[32m 90%\u001b[0m\tdone?\u001b[0m");
        assertThat(TextCleaner.forLog(progress, false)).isEqualTo(" 90%\tdone?");
        assertThat(TextCleaner.forLog("\u001b]0;title\u0007ready \u001b", true)).isEqualTo("ready ?");
        String line = "plain\tline";
        assertThat(TextCleaner.forLog(line, true)).isSameAs(line);
    }

    @Test
    void aPlainLineIsReturnedAsItIs() {
        String line = "plain line, ünïcödé and 漢字";

        assertThat(TextCleaner.clean(line)).isSameAs(line);
    }
}
