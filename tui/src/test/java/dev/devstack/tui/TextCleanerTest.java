package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void aLineForPlainOutputKeepsOnlyItsColoursAndWhatATerminalWouldShowAfterItsLastCarriageReturn() {
        String progress = "\u001b[2K\u001b[1G 10%\r\u001b[2K\u001b[1G\u001b[32m 90%\u001b[0m\tdone\u0007\r";

        assertThat(TextCleaner.forLog(progress, true)).isEqualTo("\u001b[32m 90%\u001b[0m\tdone?\u001b[0m");
        assertThat(TextCleaner.forLog(progress, false)).isEqualTo(" 90%\tdone?");
        assertThat(TextCleaner.forLog("\u001b]0;title\u0007ready \u001b", true)).isEqualTo("ready ?");
        String line = "plain\tline";
        assertThat(TextCleaner.forLog(line, true)).isSameAs(line);
    }
}
