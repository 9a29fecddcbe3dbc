package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitDescriptionTest {

    @Test
    void whatDevstackDidIsToldApartFromWhatTheProcessDid() {
        assertThat(ExitDescription.of(15, Signal.TERM).text()).isEqualTo("stopped by devstack (SIGTERM)");
        assertThat(ExitDescription.of(0, Signal.TERM).text()).isEqualTo("stopped by devstack (SIGTERM), exit 0");
        assertThat(ExitDescription.of(9, Signal.KILL).text()).isEqualTo("killed by devstack (SIGKILL)");
        assertThat(ExitDescription.of(137, null).text()).isEqualTo("exit 137");
        assertThat(ExitDescription.of(9, null).text()).isEqualTo("exit 9 (or killed by SIGKILL from outside devstack)");
    }

    @Test
    void theShellsSpecialCodesAreExplained() {
        assertThat(ExitDescription.of(127, null).text()).isEqualTo("exit 127: command not found (see its output above)");
        assertThat(ExitDescription.of(126, null).text()).isEqualTo("exit 126: the command is not executable");
        assertThat(ExitDescription.of(1, null).text()).isEqualTo("exit 1");
    }
}
