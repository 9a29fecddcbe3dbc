package dev.devstack.cli;

import dev.devstack.supervisor.control.ControlRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "scale", header = "Run another number of replicas of a service of the running stack.",
        description = {"Asks the project's running `devstack up` to run N replicas of SERVICE from now on: new ones"
                + " start beside those that run, the last ones stop, the rest keep their pid and port (what depends on"
                + " the service restarts when the list of its ports changed). The number holds until the stack stops,"
                + " also across reloads, unless the file's own `scale` of the service changes. Prints what it did.",
                "Exit 0 when applied, 1 when the stack refused (no such service, N outside 1-100, a service with a"
                        + " pidfile, a port that cannot be had; nothing changes), 2 when N is not a number or the"
                        + " configuration has problems, 7 when no stack runs."})
final class ScaleCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service, by its name in ports.yaml (`api`).")
    String service;

    @Parameters(index = "1", paramLabel = "N", description = "How many replicas it runs from now on (1-100).")
    String replicas;

    @Override
    public Integer call() {
        int count = replicas();
        return ReloadRequest.send(parent, "scale", by -> new ControlRequest.Scale(service, count, by));
    }

    private int replicas() {
        try {
            return Integer.parseInt(replicas.trim());
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "N must be a number of replicas (1-100), not `" + replicas
                    + "`");
        }
    }
}
