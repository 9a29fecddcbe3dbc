package dev.devstack.cli;

import dev.devstack.app.WaitCondition;
import dev.devstack.app.WaitOutcome;
import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.ControlRequest;
import dev.devstack.supervisor.control.StreamItem;
import dev.devstack.supervisor.model.DetailText;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What `up -d` and `wait` print while they wait for services, and how each outcome ends them. */
final class WaitReport {

    /** How many of a failed service's last lines are shown. */
    static final int LAST_LINES = 20;

    private final CliContext cli;
    private final Path socket;
    private final String by;

    WaitReport(CliContext cli, Path socket, String by) {
        this.cli = cli;
        this.socket = socket;
        this.by = by;
    }

    /** One line per service as it gets there or fails: {@code api: ready (port 4012 accepts connections after 0.41s)}. */
    void progress(ServiceSnapshot service, WaitCondition.Verdict verdict) {
        cli.out().println("  " + service.name() + ": " + words(service));
    }

    /** The exit code for an outcome other than reached, after saying what happened on stderr. */
    int notReached(WaitOutcome outcome, WaitCondition condition, Duration timeout) {
        PrintStream err = cli.err();
        if (outcome instanceof WaitOutcome.Failed failed) {
            ServiceSnapshot service = failed.service();
            err.println("devstack: " + service.name() + " will not be " + condition.word() + ": it is " + words(service));
            lastLines(service.name());
            return ExitCodes.SERVICE_FAILED;
        }
        if (outcome instanceof WaitOutcome.TimedOut timedOut) {
            err.println("devstack: the time ran out (" + DetailText.seconds(timeout) + ", --timeout) before every service"
                    + " was " + condition.word() + "; not yet: " + timedOut.waiting().stream()
                    .map(s -> s.name() + " (" + words(s) + ")").collect(Collectors.joining(", ")));
            return ExitCodes.TIMED_OUT;
        }
        err.println("devstack: the stack stopped before every service was " + condition.word()
                + " (it was " + outcome.last().phase().word() + ")");
        return ExitCodes.SERVICE_FAILED;
    }

    /** {@code crashed (exit 3)}: the state, and the detail when there is one. */
    static String words(ServiceSnapshot service) {
        String detail = DetailText.of(service.detail());
        return service.state().word() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    /** The service's last lines, as the stack kept them; said so when they cannot be had. */
    private void lastLines(String service) {
        try (ControlClient client = ControlClient.connect(socket, by)) {
            client.stream(new ControlRequest.Logs(List.of(service), LAST_LINES, null, false));
            cli.err().println("its last lines (all of them: .devstack/logs/" + service + ".log):");
            for (Optional<StreamItem> item = client.nextItem(); item.isPresent()
                    && !(item.get() instanceof StreamItem.End); item = client.nextItem()) {
                if (item.get() instanceof StreamItem.Event event && event.event().event() instanceof StackEvent.Output line) {
                    cli.err().println("  " + service + " | " + line.line());
                }
            }
        } catch (IOException e) {
            cli.err().println("its last lines could not be had (" + e.getMessage() + "); they are in .devstack/logs/"
                    + service + ".log");
        }
    }
}
