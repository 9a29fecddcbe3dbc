package dev.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {

    private static final List<String> OPTIONS = List.of("--no-tui", "--adopt", "--exit-on-failure", "--json", "--env",
            "--all", "-C", "--dir", "--debug", "-h", "--help");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            --no-tu,     --no-tui
            --notui,     --no-tui
            --jsn,       --json
            --js,        --json
            --exit-on,   --exit-on-failure
            --adpot,     --adopt
            --verbose,
            --e,
            --al,        --all
            --all,       --all
            -x,
            --,
            """)
    void offersOnlyAWordWithinAFewEditsOrTheOnlyOneTypedSoFar(String typed, String expected) {
        assertThat(DidYouMean.closest(typed, OPTIONS).orElse(null)).isEqualTo(expected);
    }
}
