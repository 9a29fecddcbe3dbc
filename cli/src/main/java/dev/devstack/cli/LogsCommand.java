package dev.devstack.cli;

import dev.devstack.supervisor.control.ControlClient;
import dev.devstack.supervisor.control.ControlRequest;
import dev.devstack.supervisor.control.StreamItem;
import dev.devstack.supervisor.model.ServiceSnapshot;
import dev.devstack.supervisor.model.StackListener;
import dev.devstack.tui.PlainLogPrinter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "logs", header = "Print the output of the running stack's services; -f follows it.",
        description = {"The lines the project's running `devstack up` holds (the last 1,000 of each service), oldest"
                + " first, as `up --no-tui` prints them: `HH:MM:SS name | line`, in colour only on a terminal without"
                + " NO_COLOR. Everything a service printed is in .devstack/logs/<service>.log.",
                "Exit 0 (also when -f ends with Ctrl-C or because the stack stopped), 1 when the stack has no such"
                        + " service or cut a slow reader off, 7 when no stack runs."})
final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--follow"}, description = "Then print each new line until Ctrl-C or until the stack stops.")
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100",
            description = "How many of the last lines, of all services asked together (default: ${DEFAULT-VALUE};"
                    + " 0 with -f: only new ones).")
    int lines;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "Only lines printed in the last DURATION (90s, 5m, 2h).")
    String since;

    @Option(names = "--json", description = "One JSON object per line: the stack event of each line (docs/json.md).")
    boolean json;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Service names or globs ('web*'); a service with replicas by its name means every replica."
                    + " None: every service.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        if (lines < 0) {
            throw new ParameterException(spec.commandLine(), "-n must be 0 or more, not " + lines);
        }
        CliContext cli = parent.cli();
        Optional<Instant> from = since == null ? Optional.empty()
                : Optional.of(cli.clock().instant().minus(PortArguments.duration(spec.commandLine(), "--since", since)));
        return StackSocket.talk(parent, StackSocket.by("logs"), stack -> {
            StackListener printer = json ? new JsonLinesPrinter(cli.out())
                    : new PlainLogPrinter(cli.out(), stack.snapshot().snapshot().services().stream()
                            .map(ServiceSnapshot::name).toList(), cli.colour(), cli.clock().getZone());
            AtomicBoolean interrupted = new AtomicBoolean();
            if (follow) {
                StopSignals.onEach(() -> {
                    interrupted.set(true);
                    stack.close();
                });
            }
            try {
                stack.stream(new ControlRequest.Logs(services.isEmpty() ? null : List.copyOf(services), lines,
                        from.map(Instant::toString).orElse(null), follow));
                return print(stack, printer, cli);
            } catch (IOException e) {
                if (interrupted.get()) {
                    printer.caughtUp();
                    return ExitCodes.OK;
                }
                throw e;
            }
        });
    }

    private int print(ControlClient stack, StackListener printer, CliContext cli) throws IOException {
        for (Optional<StreamItem> item = stack.nextItem(); item.isPresent(); item = stack.nextItem()) {
            if (item.get() instanceof StreamItem.Event event) {
                printer.on(event.event().event());
                if (follow) {
                    printer.caughtUp();
                }
            } else if (item.get() instanceof StreamItem.End) {
                printer.caughtUp();
                if (follow) {
                    cli.err().println("devstack: the stack stopped; no more lines will come");
                }
                return ExitCodes.OK;
            } else if (item.get() instanceof StreamItem.Missed missed) {
                printer.caughtUp();
                cli.err().println("devstack: lines may be missing here (the stack no longer held its events "
                        + missed.first() + "-" + missed.last() + "); every line is in .devstack/logs/<service>.log");
            } else if (item.get() instanceof StreamItem.CutOff cutOff) {
                printer.caughtUp();
                cli.err().println("devstack: the stack stopped sending: " + cutOff.why());
                return ExitCodes.NOT_FOUND;
            }
        }
        printer.caughtUp();
        if (!follow) {
            throw new IOException("the stack closed the connection before the last line");
        }
        cli.err().println("devstack: the stack stopped; no more lines will come");
        return ExitCodes.OK;
    }
}
