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

@Command(name = "restart", header = "Restart services of the running stack (all if none is named).",
        description = {"Asks the project's running `devstack up` to stop each service and start it again, on the"
                + " same port (one that has ended is started); its output says who asked. Returns once the stack has"
                + " taken the request.",
                "Exit 0 when asked, 1 when the stack has no such service (nothing is restarted), 7 when no stack runs."})
final class RestartCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*",
            description = "Service names or globs ('web*', 'worker.?'); a service with replicas by its name means every"
                    + " replica. None: every service.")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        return ServiceRequest.send(parent, spec.commandLine(), "restart", services.isEmpty() ? List.of("*") : services,
                ControlRequest.Act.Restart::new);
    }
}
