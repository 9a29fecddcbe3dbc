package dev.devstack.supervisor.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.config.Condition;
import dev.devstack.supervisor.model.StopCause;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetailTextTest {

    private static final StopMeans TERM = new StopMeans.SignalSent(Signal.TERM);
    private static final StopCause SHUTDOWN = new StopCause.Shutdown();

    @Test
    void whatDevstackDidIsToldApartFromWhatTheProcessDid() {
        assertThat(DetailText.of(ExitDescription.stopped(TERM, SHUTDOWN, Signal.TERM, 15)))
                .isEqualTo("stopped by devstack (SIGTERM)");
        assertThat(DetailText.of(ExitDescription.stopped(TERM, SHUTDOWN, Signal.TERM, 0)))
                .isEqualTo("stopped by devstack (SIGTERM), exit 0");
        assertThat(DetailText.of(ExitDescription.stopped(new StopMeans.SignalSent(Signal.INT), SHUTDOWN, Signal.INT, 2)))
                .isEqualTo("stopped by devstack (SIGINT)");
        assertThat(DetailText.of(ExitDescription.stopped(new StopMeans.StopCommand(), SHUTDOWN, null, 0)))
                .isEqualTo("stopped by devstack (stop_command), exit 0");
        assertThat(DetailText.of(ExitDescription.stopped(TERM, SHUTDOWN, Signal.KILL, 9)))
                .isEqualTo("killed by devstack (SIGKILL)");
        assertThat(DetailText.of(new ExitDescription.Natural(137))).isEqualTo("exit 137");
        assertThat(DetailText.of(new ExitDescription.Natural(9))).isEqualTo("exit 9 (or killed by SIGKILL from outside devstack)");
    }

    @Test
    void theShellsSpecialCodesAreExplained() {
        assertThat(DetailText.of(new ExitDescription.Natural(127))).isEqualTo("exit 127: command not found (see its output above)");
        assertThat(DetailText.of(new ExitDescription.Natural(126))).isEqualTo("exit 126: the command is not executable");
        assertThat(DetailText.of(new ExitDescription.Natural(1))).isEqualTo("exit 1");
    }

    @Test
    void detailsReadAsBefore() {
        assertThat(DetailText.of(new ServiceDetail.Stopping(TERM, Optional.of(Duration.ofSeconds(5)), SHUTDOWN)))
                .isEqualTo("SIGTERM sent, SIGKILL in 5s");
        assertThat(DetailText.of(new ServiceDetail.Stopping(new StopMeans.StopCommand(), Optional.of(Duration.ofMillis(250)),
                SHUTDOWN)))
                .isEqualTo("stop_command running, SIGKILL in 0.25s");
        assertThat(DetailText.of(new ServiceDetail.Stopping(new StopMeans.SignalSent(Signal.KILL), Optional.empty(),
                SHUTDOWN)))
                .isEqualTo("SIGKILL sent");
        assertThat(DetailText.of(new ServiceDetail.RestartingNow(ExitDescription.stopped(TERM,
                new StopCause.Restart(RestartReason.UNHEALTHY), Signal.TERM, 15), 1,
                RestartReason.UNHEALTHY))).isEqualTo("stopped by devstack (SIGTERM), restart 1 now (unhealthy)");
        assertThat(DetailText.of(new ServiceDetail.GaveUp(new ExitDescription.Natural(4), 1)))
                .isEqualTo("exit 4; gave up after 1 restart in a row");
        assertThat(DetailText.of(new ServiceDetail.AwaitingDaemon(41, Duration.ofSeconds(10), Optional.of(3000),
                Optional.of(Path.of("/run/api.pid")))))
                .isEqualTo("its command (pid 41) exited 0; waiting up to 10s for what it left running to listen on port"
                        + " 3000 or write /run/api.pid");
        assertThat(DetailText.of(new ServiceDetail.WaitsFor("api", Condition.READY, ServiceState.CRASHED,
                new ServiceDetail.Ended(new ExitDescription.Natural(1)))))
                .isEqualTo("waits for api to be ready, but it crashed (exit 1)");
        assertThat(DetailText.of(new ServiceDetail.WaitsForUnready("api", new ServiceDetail.NotReady(
                new ReadinessFinding.TimedOut(Duration.ofSeconds(1), "tcp on port 3000", Optional.empty())))))
                .isEqualTo("waits for api, which is not ready after 1s (tcp on port 3000)");
        assertThat(DetailText.of(new ServiceDetail.Ready(new ReadinessFinding.PortAccepts(3000), Duration.ofMillis(310))))
                .isEqualTo("port 3000 accepts connections after 0.31s");
    }
}
