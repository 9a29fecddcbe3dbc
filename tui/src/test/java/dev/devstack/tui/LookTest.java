package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colours and symbols follow the environment: NO_COLOR, TERM, COLORTERM and the locale. */
class LookTest {

    @Test
    void coloursFollowNoColorAndTheTerminal() {
        assertThat(ColourMode.detect(Map.of("TERM", "xterm-256color", "NO_COLOR", "1"))).isEqualTo(ColourMode.NONE);
        assertThat(ColourMode.detect(Map.of("TERM", "xterm-256color", "NO_COLOR", ""))).isEqualTo(ColourMode.INDEXED_256);
        assertThat(ColourMode.detect(Map.of("TERM", "xterm", "COLORTERM", "truecolor"))).isEqualTo(ColourMode.INDEXED_256);
        assertThat(ColourMode.detect(Map.of("TERM", "xterm"))).isEqualTo(ColourMode.ANSI_16);
    }

    @Test
    void symbolsAreUnicodeOnlyInAUtf8Locale() {
        assertThat(Symbols.detect(Map.of("LANG", "en_US.UTF-8")).unicode()).isTrue();
        assertThat(Symbols.detect(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")).unicode()).isFalse();
        assertThat(Symbols.detect(Map.of("LC_CTYPE", "C.utf8")).unicode()).isTrue();
        assertThat(Symbols.detect(Map.of()).unicode()).isFalse();
    }

    @Test
    void aCommandIsShownByItsProgramNameAndArguments() {
        assertThat(PortsView.shortCommand("/root/.pyenv/versions/3.11.7/bin/python3.11 -u  api.py"))
                .isEqualTo("python3.11 -u api.py");
        assertThat(PortsView.shortCommand("/usr/sbin/sshd")).isEqualTo("sshd");
    }
}
