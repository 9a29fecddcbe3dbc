package dev.devstack.supervisor.run;

import dev.devstack.supervisor.Signal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitDescriptionTest {

    @Test
    void whatDevstackDidIsToldApartFromWhatTheProcessDid() {
        assertThat(ExitDescription.stopped(15, Signal.TERM, "SIGTERM").text()).isEqualTo("stopped by devstack (SIGTERM)");
        assertThat(ExitDescription.stopped(0, Signal.TERM, "SIGTERM").text())
                .isEqualTo("stopped by devstack (SIGTERM), exit 0");
        assertThat(ExitDescription.stopped(2, Signal.INT, "SIGINT").text()).isEqualTo("stopped by devstack (SIGINT)");
        assertThat(ExitDescription.stopped(0, null, "stop_command").text())
                .isEqualTo("stopped by devstack (stop_command), exit 0");
        assertThat(ExitDescription.stopped(9, Signal.KILL, "SIGTERM").text()).isEqualTo("killed by devstack (SIGKILL)");
        assertThat(ExitDescription.natural(137).text()).isEqualTo("exit 137");
        assertThat(ExitDescription.natural(9).text()).isEqualTo("exit 9 (or killed by SIGKILL from outside devstack)");
    }

    @Test
    void theShellsSpecialCodesAreExplained() {
        assertThat(ExitDescription.natural(127).text()).isEqualTo("exit 127: command not found (see its output above)");
        assertThat(ExitDescription.natural(126).text()).isEqualTo("exit 126: the command is not executable");
        assertThat(ExitDescription.natural(1).text()).isEqualTo("exit 1");
    }
}
