package dev.devstack.supervisor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("command", "cwd", "depends_on", "strict", "port", "ports");

    @Test
    void closeMisspellingsAreMatched() {
        assertThat(Suggestions.closest("comand", KEYS)).contains("command");
        assertThat(Suggestions.closest("depends-on", KEYS)).contains("depends_on");
        assertThat(Suggestions.closest("stirct", KEYS)).contains("strict");
        assertThat(Suggestions.closest("Port", KEYS)).contains("port");
    }

    @Test
    void unrelatedWordsGetNoSuggestion() {
        assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
        assertThat(Suggestions.closest("x", KEYS)).isEmpty();
    }
}
