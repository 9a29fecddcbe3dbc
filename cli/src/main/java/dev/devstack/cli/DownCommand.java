package dev.devstack.cli;

import dev.devstack.app.DownReport;
import dev.devstack.app.StackDown;
import dev.devstack.tui.PlainLogPrinter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "down", header = "Stop the project's running `devstack up` from another terminal.",
        description = {"Asks the stack through its control socket and reports each service as it stops; when the socket"
                + " does not answer, signals the devstack that wrote .devstack/run.json. Also ends whatever an earlier"
                + " devstack of the project left running when it died. Works even when ports.yaml is broken.",
                "Exit 0 when nothing of the project runs any more (also when nothing ran), 6 when the stack did not"
                        + " stop within --wait."})
final class DownCommand implements Callable<Integer>, OpensRegistry {

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for a running stack to stop (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        PrintStream out = cli.out();
        DownReport report = StackDown.down(parent.project(), cli.warnings(), Duration.ofSeconds(waitSeconds),
                StackSocket.by("down"),
                ended -> out.println(ended.service() + ": " + ended.change()
                        .map(change -> PlainLogPrinter.describe(change.state(), change.detail()))
                        .orElse("ended with the stack (which closed the connection before it said how;"
                                + " its own output says)")));
        report.stoppedSupervisor().ifPresent(pid -> out.println("stopped the stack (devstack pid " + pid + ")"));
        report.endedLeftovers().forEach(ended -> out.println("ended a leftover of an earlier run: " + ended));
        if (report.nothingRan()) {
            out.println("nothing of this project was running");
        }
        return ExitCodes.OK;
    }
}
