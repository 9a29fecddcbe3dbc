package dev.devstack.cli;

import dev.devstack.store.MapDbLeaseRegistry;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The devstack command: parses arguments, runs one command, exits with its code. Nearly every
 * command opens the registry, so MapDB's classes are warmed up on the second core while picocli
 * parses the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        MapDbLeaseRegistry.warmUpInBackground();
        System.exit(run(CliContext.fromSystem(), args));
    }

    static int run(CliContext cli, String[] args) {
        return commandLine(cli).execute(args);
    }

    /** Every command, with its help, its streams and how its errors are reported. */
    static CommandLine commandLine(CliContext cli) {
        CommandLine commandLine = new CommandLine(new DevstackCommand(cli), new Factory(cli));
        UsageHelp.addTo(commandLine);
        commandLine.setOut(new PrintWriter(cli.out(), true));
        commandLine.setErr(new PrintWriter(cli.err(), true));
        commandLine.setParameterExceptionHandler(new UsageErrorReporter());
        commandLine.setExecutionExceptionHandler(new ErrorReporter(cli.err()));
        commandLine.setExecutionStrategy(new SetWhereRead());
        return commandLine;
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
