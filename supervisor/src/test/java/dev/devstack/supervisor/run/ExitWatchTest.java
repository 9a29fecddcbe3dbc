package dev.devstack.supervisor.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitWatchTest {

    @Test
    void waitStatusesAreDecodedAsNuProcessReportsThem() {
        assertThat(ExitWatch.decode(0x0000)).hasValue(0);
        assertThat(ExitWatch.decode(0x0300)).as("exit 3").hasValue(3);
        assertThat(ExitWatch.decode(0x7f00)).as("exit 127, which NuProcess itself would lose").hasValue(127);
        assertThat(ExitWatch.decode(0x000f)).as("killed by SIGTERM").hasValue(15);
        assertThat(ExitWatch.decode(0x0089)).as("killed by SIGKILL with a core dump flag").hasValue(9);
        assertThat(ExitWatch.decode(0x137f)).as("stopped, not ended").isEmpty();
    }

    @Test
    void theStartTimeOfALiveProcessIsKnownAndOfAMissingOneNot() {
        assertThat(ExitWatch.startTicks(ProcessHandle.current().pid())).isPresent();
        assertThat(ExitWatch.startTicks(Integer.MAX_VALUE)).isEmpty();
    }
}
