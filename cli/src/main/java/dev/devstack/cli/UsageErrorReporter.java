package dev.devstack.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line, found by picocli or by a command: what was wrong, the command's synopsis
 * and where its help is, in devstack's error format; exit 2. For an unknown command or option it
 * names the one probably meant.
 */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {

    private static final String USAGE = "  usage: ";

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        List<String> lines = explain(problem, command);
        err.println("devstack: " + lines.get(0));
        lines.subList(1, lines.size()).forEach(line -> err.println("  " + line));
        err.flush();
        return ExitCodes.USAGE;
    }

    private static List<String> explain(ParameterException problem, CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        String name = spec.qualifiedName();
        if (problem instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
            String option = unmatched.getUnmatched().get(0).split("=", 2)[0];
            String meant = DidYouMean.closest(option, spec.optionsMap().keySet())
                    .map(known -> "; did you mean `" + known + "`?").orElse("");
            return List.of("`" + name + "` has no option `" + option + "`" + meant,
                    "`" + name + " --help` lists its options");
        }
        Optional<String> word = commandWord(problem, spec);
        if (word.isPresent()) {
            return UnknownCommand.explain(word.get(), spec.subcommands().keySet());
        }
        String synopsis = command.getHelp().synopsis(USAGE.length()).stripTrailing();
        return List.of(problem.getMessage(), USAGE.strip() + " " + synopsis,
                "`" + name + " --help` explains each option");
    }

    /**
     * The word taken for a command that does not exist: `devstack WORD`, or `devstack help WORD`
     * (picocli's help command reports it as a value of no parameter, at devstack).
     */
    private static Optional<String> commandWord(ParameterException problem, CommandSpec spec) {
        if (spec.subcommands().isEmpty() || !spec.positionalParameters().isEmpty()) {
            return Optional.empty();
        }
        if (problem instanceof UnmatchedArgumentException unmatched) {
            return unmatched.getUnmatched().stream().findFirst();
        }
        return problem.getArgSpec() == null ? Optional.ofNullable(problem.getValue()) : Optional.empty();
    }
}
