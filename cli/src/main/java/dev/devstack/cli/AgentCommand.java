package dev.devstack.cli;

import dev.devstack.store.DevstackHome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "agent", header = "Start, stop or ask the agent that names services.",
        description = {"The agent routes http://SERVICE.PROJECT.localhost:PORT to each service of your running stacks"
                + " on one stable port (default 2080), serves the port registry to any program, and lists every"
                + " running stack at http://devstack.localhost:PORT/ (docs/names.md). `up` starts it when ports.yaml"
                + " says `urls: names`, `open` when needed; it ends by itself after 30 minutes without a running"
                + " stack or a request.",
                "Exit 3 when its port is taken by someone else, 4 when one runs already (`agent run`), 7 when none"
                        + " runs (`agent status`)."},
        subcommands = {AgentStartCommand.class, AgentStatusCommand.class, AgentStopCommand.class, AgentRunCommand.class})
final class AgentCommand implements Callable<Integer> {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    /** `devstack agent` alone: its help, as for any command line that is not complete. */
    @Override
    public Integer call() {
        spec.commandLine().usage(parent.cli().err());
        return ExitCodes.USAGE;
    }

    CliContext cli() {
        return parent.cli();
    }

    Path home() {
        return DevstackHome.resolve(parent.cli().environment(), parent.cli().userHome());
    }
}
