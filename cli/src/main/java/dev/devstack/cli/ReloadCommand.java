package dev.devstack.cli;

import dev.devstack.supervisor.control.ControlRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "reload", header = "Apply a changed configuration to the running stack.",
        description = {"Asks the project's running `devstack up` to read ports.yaml (or the Procfile) and .env again,"
                + " with the services it was started with, and to apply only the difference: new services start,"
                + " removed ones stop, changed ones restart (on the same port when they keep it), and the rest keep"
                + " running with the same pid and port. Prints what it did; returns once all of it is set going.",
                "Exit 0 when applied, 2 when the configuration has problems (each with its file:line:column;"
                        + " nothing changes), 1 when the stack refused (it is stopping, or a port cannot be had;"
                        + " nothing changes), 7 when no stack runs."})
final class ReloadCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Override
    public Integer call() {
        return ReloadRequest.send(parent, "reload", ControlRequest.Reload::new);
    }
}
