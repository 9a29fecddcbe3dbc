package dev.devstack.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.model.ExitDescription;
import dev.devstack.supervisor.model.OutputSource;
import dev.devstack.supervisor.model.ServiceDetail;
import dev.devstack.supervisor.model.ServiceState;
import dev.devstack.supervisor.model.StackEvent;
import dev.devstack.supervisor.model.StopCause;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainLogPrinterTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:03:44Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private PlainLogPrinter printer(boolean colour) {
        return new PlainLogPrinter(bytes, List.of("api", "web-frontend"), colour, ZoneOffset.UTC);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void linesArePrefixedWithTimeAndAPaddedNameAndEventsComeFromSystem() {
        PlainLogPrinter printer = printer(false);
        printer.on(new StackEvent.Output(NOON, "api", OutputSource.STDOUT, "listening"));
        printer.on(new StackEvent.Output(NOON, "web-frontend", OutputSource.STDERR, "compiled"));
        printer.on(new StackEvent.StateChanged(NOON, "api", ServiceState.RUNNING, new ServiceDetail.Started(1234)));
        printer.on(new StackEvent.StateChanged(NOON, "api", ServiceState.CRASHED, new ServiceDetail.Ended(new ExitDescription.Natural(1))));
        printer.on(new StackEvent.StateChanged(NOON, "api", ServiceState.STOPPED, new ServiceDetail.Ended(new ExitDescription.Signalled(Signal.TERM, new StopCause.Shutdown()))));
        printer.on(new StackEvent.Notice(NOON, "api", "port 4012 (same as last time)"));
        printer.on(new StackEvent.Notice(NOON, "", "stopping the stack"));
        printer.on(new StackEvent.Output(NOON, "api", OutputSource.STDOUT, ""));
        printer.caughtUp();

        assertThat(lines()).containsExactly(
                "12:03:44 api          | listening",
                "12:03:44 web-frontend | compiled",
                "12:03:44 system       | api: running, pid 1234",
                "12:03:44 system       | api: crashed (exit 1)",
                "12:03:44 system       | api: stopped by devstack (SIGTERM)",
                "12:03:44 system       | api: port 4012 (same as last time)",
                "12:03:44 system       | stopping the stack",
                "12:03:44 api          |");
    }

    @Test
    void aServicesEscapeSequencesReachThePlainOutputOnlyAsColoursAndOnlyWithColours() {
        String redrawn = "\u001b[2K\u001b[1Gbuilding 10%\r\u001b[2K\u001b[1G\u001b[32mbuilt\u001b[0m";
        PlainLogPrinter plain = printer(false);
        plain.on(new StackEvent.Output(NOON, "api", OutputSource.STDOUT, redrawn));
        plain.caughtUp();

        assertThat(lines()).containsExactly("12:03:44 api          | built");

        bytes.reset();
        PlainLogPrinter coloured = printer(true);
        coloured.on(new StackEvent.Output(NOON, "api", OutputSource.STDOUT, redrawn));
        coloured.caughtUp();

        assertThat(lines()).containsExactly("12:03:44 \u001b[36mapi          |\u001b[0m \u001b[32mbuilt\u001b[0m\u001b[0m");
    }

    @Test
    void nothingIsWrittenUntilTheQueueIsDrained() {
        PlainLogPrinter printer = printer(false);
        printer.on(new StackEvent.Output(NOON, "api", OutputSource.STDOUT, "buffered"));

        assertThat(lines()).isEmpty();
        printer.caughtUp();
        assertThat(lines()).containsExactly("12:03:44 api          | buffered");
    }

    @Test
    void colourWrapsOnlyThePrefix() {
        PlainLogPrinter printer = printer(true);
        printer.on(new StackEvent.Output(NOON, "api", OutputSource.STDOUT, "hello"));
        printer.caughtUp();

        assertThat(lines()).containsExactly("12:03:44 \u001b[36mapi          |\u001b[0m hello");
    }

    @Test
    void aServiceAReloadAddedTakesTheNextColour() {
        PlainLogPrinter printer = printer(true);
        printer.on(new StackEvent.Output(NOON, "cache", OutputSource.STDOUT, "ready"));
        printer.caughtUp();

        assertThat(lines()).containsExactly("12:03:44 \u001b[32mcache        |\u001b[0m ready");
    }
}
