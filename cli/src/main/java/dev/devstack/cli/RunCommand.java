package dev.devstack.cli;

import dev.devstack.app.ManualClaim;
import dev.devstack.app.ManualLeases;
import dev.devstack.supervisor.Signal;
import dev.devstack.supervisor.run.ProcessGroups;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", header = "Run a command with a free PORT, given back when the command ends.", description = {
        "Leases a free port, runs CMD with PORT set to it, and gives the port back when CMD ends (also when it"
                + " crashes). CMD runs in the foreground: its exit code is devstack's, and SIGTERM and SIGHUP sent to"
                + " devstack reach it.",
        "With --print-port: prints the port and exits, keeping the lease until `devstack release`."})
final class RunCommand implements Callable<Integer>, OpensRegistry {

    /** What a shell returns when it cannot run a command. */
    private static final int CANNOT_RUN = 127;

    @ParentCommand
    DevstackCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PortChoice choice = new PortChoice();

    @Option(names = "--print-port", description = "Print the port and exit; the lease stays until `devstack release`.")
    boolean printPort;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command and its arguments, after --.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (printPort != command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), printPort
                    ? "--print-port takes no command" : "give the command to run after --, e.g. devstack run -- npm start");
        }
        CliContext cli = parent.cli();
        ManualLeases leases = ManualLeases.of(parent.project(), cli.warnings());
        ManualClaim claim = leases.claim(choice.request(spec.commandLine(), Optional.empty(),
                printPort ? OptionalLong.empty() : OptionalLong.of(ProcessHandle.current().pid())));
        claim.notPreferred().ifPresent(why -> cli.err().println("devstack: " + why + "; using " + claim.port()));
        if (printPort) {
            cli.out().println(claim.port());
            return ExitCodes.OK;
        }
        try {
            return runWith(cli, claim.port());
        } finally {
            leases.release(claim.lease().owner().service());
        }
    }

    private int runWith(CliContext cli, int port) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("PORT", String.valueOf(port));
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            cli.err().println("devstack: cannot run `" + String.join(" ", command) + "`: " + e.getMessage());
            return CANNOT_RUN;
        }
        ProcessGroups groups = new ProcessGroups();
        StopSignals.onEach((Signal signal) -> {
            // Ctrl-C in a terminal reaches the whole foreground group, CMD included, by itself
            if (signal != Signal.INT || !cli.terminal()) {
                groups.signalProcess(child.pid(), signal);
            }
        });
        return child.waitFor();
    }
}
