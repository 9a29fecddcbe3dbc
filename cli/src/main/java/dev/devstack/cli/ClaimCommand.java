package dev.devstack.cli;

import dev.devstack.app.ClaimRequest;
import dev.devstack.app.ManualClaim;
import dev.devstack.app.ManualLeases;
import dev.devstack.app.agent.AgentClient;
import dev.devstack.app.agent.AgentLeases;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "claim", header = "Lease a free port and print it, for scripts and CI jobs.", description = {
        "Prints the port and nothing else on stdout. The lease lasts until `devstack release`, its --ttl, or the end of"
                + " --pid; while it lasts, no `devstack up`, claim or run on this machine gets the port.",
        "Claiming a --name again gives the same port.",
        "When the devstack agent runs, the claim is made by it (docs/protocol.md); the same either way."})
final class ClaimCommand implements Callable<Integer>, OpensRegistry {

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PortChoice choice = new PortChoice();

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Let the lease end by itself after this long (90s, 10m, 2h).")
    String ttl;

    @Option(names = "--pid", description = "End the lease when this process ends.")
    Long pid;

    @Override
    public Integer call() {
        CliContext cli = parent.cli();
        ClaimRequest request = choice.request(spec.commandLine(),
                Optional.ofNullable(ttl).map(text -> PortArguments.duration(spec.commandLine(), "--ttl", text)),
                pid == null ? OptionalLong.empty() : OptionalLong.of(pid));
        ManualClaim claim;
        // The agent serves the embedded registry: a team registry is asked directly.
        Optional<AgentClient> agent = parent.project().teamRegistry() ? Optional.empty()
                : AgentClient.connect(parent.project().home(), "devstack claim");
        if (agent.isPresent()) {
            try (AgentClient client = agent.get()) {
                claim = new AgentLeases(client).claim(request);
            }
        } else {
            claim = ManualLeases.of(parent.project(), cli.warnings()).claim(request);
        }
        if (claim.again()) {
            cli.err().println("devstack: \"" + choice.name + "\" already holds port " + claim.port() + "; it keeps it");
        }
        claim.notPreferred().ifPresent(why -> cli.err().println("devstack: " + why + "; claimed " + claim.port()
                + " instead"));
        cli.out().println(claim.port());
        return ExitCodes.OK;
    }
}
