package dev.devstack.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command asked for, unless it was given `--set` and does not read the configuration
 * ({@link ReadsConfiguration}): a value it would silently leave unused is a wrong command line.
 */
final class SetWhereRead implements CommandLine.IExecutionStrategy {

    private final CommandLine.IExecutionStrategy next = new CommandLine.RunLast();

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        List<String> sets = ((DevstackCommand) parseResult.commandSpec().userObject()).sets;
        boolean help = command.isUsageHelpRequested() || command.isVersionHelpRequested()
                || parseResult.isUsageHelpRequested() || parseResult.isVersionHelpRequested();
        if (!sets.isEmpty() && !help && !(command.commandSpec().userObject() instanceof ReadsConfiguration)) {
            throw new ParameterException(command.commandSpec().commandLine(), "--set " + sets.get(0) + ": `"
                    + command.commandSpec().qualifiedName()
                    + "` does not read the configuration, so --set would change nothing; it counts for up, check,"
                    + " config, ports and wait (a running stack reads ports.yaml with the --set that `up` was given:"
                    + " to change one, `devstack down`, then `devstack up --set KEY=VALUE`)");
        }
        return next.execute(parseResult);
    }
}
