package dev.devstack.cli;

import dev.devstack.app.Leases;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.app.agent.AgentLeases;
import dev.devstack.store.Lease;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "release", header = "End a lease taken with `devstack claim`, by port or by name.",
        description = "Also ends a lease left by a process that has ended. A port of a running stack is not released:"
                + " stop the stack instead. Exit 1 when nothing was released.")
final class ReleaseCommand implements Callable<Integer>, OpensRegistry {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(paramLabel = "PORT", description = "The leased port.")
        String port;

        @Option(names = "--name", description = "The lease's name, as given to claim.")
        String name;
    }

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        Integer port = which.name == null ? PortArguments.port(spec.commandLine(), "PORT", which.port) : null;
        ManualLeases.Released released;
        // The agent serves the embedded registry: a team registry is asked directly.
        Optional<AgentClient> agent = parent.project().teamRegistry() ? Optional.empty()
                : AgentClient.connect(parent.project().home(), "devstack release");
        if (agent.isPresent()) {
            try (AgentClient client = agent.get()) {
                AgentLeases leases = new AgentLeases(client);
                released = port == null ? leases.release(which.name) : leases.release(port);
            }
        } else {
            ManualLeases leases = ManualLeases.of(parent.project(), cli.warnings());
            released = port == null ? leases.release(which.name) : leases.release(port);
        }
        for (Lease lease : released.removed()) {
            cli.out().println("released port " + lease.port() + " (" + lease.owner().describe() + ")");
        }
        Instant now = cli.clock().instant();
        for (Lease lease : released.refused()) {
            cli.err().println("devstack: port " + lease.port() + " belongs to " + lease.owner().describe()
                    + ", which is running (" + Leases.holder(lease, now) + "); stop that stack to free it");
        }
        if (released.removed().isEmpty() && released.refused().isEmpty()) {
            cli.err().println("devstack: no lease " + (which.name != null ? "named \"" + which.name + "\""
                    : "on port " + which.port) + "; `devstack ports --all` lists them");
        }
        return released.removed().isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
    }
}
