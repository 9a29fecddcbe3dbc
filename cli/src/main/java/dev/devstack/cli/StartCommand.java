package dev.devstack.cli;

import dev.devstack.supervisor.control.ControlRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "start", header = "Start stopped services of the running stack.",
        description = {"Asks the project's running `devstack up` to start each service that is not running (stopped,"
                + " exited, crashed or failed), on its port. Returns once the stack has taken the request.",
                "Exit 0 when asked, 1 when the stack has no such service (nothing is done), 2 when no service is named,"
                        + " 7 when no stack runs."})
final class StartCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Service names or globs ('web*', 'worker.?', '*' for every one); a service with replicas by its"
                    + " name means every replica.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        return ServiceRequest.send(parent, spec.commandLine(), "start", services, ControlRequest.Act.Start::new);
    }
}
