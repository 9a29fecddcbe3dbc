package dev.devstack.cli;

import dev.devstack.app.DownReport;
import dev.devstack.app.StackDown;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "down", header = "Stop the project's running `devstack up` from another terminal.",
        description = "Also ends whatever an earlier devstack of the project left running when it died. Works even when"
                + " ports.yaml is broken.")
final class DownCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for a running stack to stop (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        PrintStream out = cli.out();
        DownReport report = StackDown.down(parent.project(), cli.warnings(),
                Duration.ofSeconds(waitSeconds));
        report.stoppedSupervisor().ifPresent(pid -> out.println("stopped the stack (devstack pid " + pid + ")"));
        report.endedLeftovers().forEach(ended -> out.println("ended a leftover of an earlier run: " + ended));
        if (report.nothingRan()) {
            out.println("nothing of this project was running");
        }
        return ExitCodes.OK;
    }
}
