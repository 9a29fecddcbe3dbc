package dev.devstack.cli;

import dev.devstack.store.MapDbLeaseRegistry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The devstack command: parses arguments, runs one command, exits with its code. A command that
 * opens the registry has MapDB's classes warmed up on the second core while picocli builds the
 * command and parses its arguments.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CliContext cli = CliContext.fromSystem();
        CommandLine devstack = devstack(cli);
        List<Class<?>> commands = Subcommands.neededBy(devstack, args);
        if (commands.size() == 1 && OpensRegistry.class.isAssignableFrom(commands.get(0))) {
            MapDbLeaseRegistry.warmUpInBackground();
        }
        System.exit(withCommands(devstack, commands, cli).execute(args));
    }

    static int run(CliContext cli, String[] args) {
        return commandLine(cli, args).execute(args);
    }

    /** The command line for these arguments: with the one command they name, else with every command. */
    static CommandLine commandLine(CliContext cli, String[] args) {
        CommandLine devstack = devstack(cli);
        return withCommands(devstack, Subcommands.neededBy(devstack, args), cli);
    }

    /** Every command, with its help, its streams and how its errors are reported. */
    static CommandLine commandLine(CliContext cli) {
        return withCommands(devstack(cli), Subcommands.ALL, cli);
    }

    private static CommandLine devstack(CliContext cli) {
        return new CommandLine(new DevstackCommand(cli), new Factory(cli));
    }

    private static CommandLine withCommands(CommandLine devstack, List<Class<?>> commands, CliContext cli) {
        commands.forEach(devstack::addSubcommand);
        UsageHelp.addTo(devstack);
        devstack.setOut(new PrintWriter(cli.out(), true));
        devstack.setErr(new PrintWriter(cli.err(), true));
        devstack.setParameterExceptionHandler(new UsageErrorReporter());
        devstack.setExecutionExceptionHandler(new ErrorReporter(cli.err()));
        devstack.setExecutionStrategy(new SetWhereRead());
        return devstack;
    }

    /** Creates the top command with its context; everything else the default way. */
    private record Factory(CliContext cli) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DevstackCommand.class) {
                return type.cast(new DevstackCommand(cli));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
