package dev.devstack.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.OptionSpec;

/**
 * devstack's commands, in the order its help lists them, and the one a command line asks for.
 * picocli builds a command's model by reflection over its annotations, about half of the start-up
 * of a short command when all of them are built; so a command line that names a command gets
 * that one alone. Help (`devstack`, `--help`, `help`, `completion`) and a word that is not a
 * command (which the error answers with the nearest names) get them all.
 */
final class Subcommands {

    static final List<Class<?>> ALL = List.of(UpCommand.class, AttachCommand.class, StatusCommand.class,
            WaitCommand.class, PortsCommand.class, CheckCommand.class, ConfigCommand.class, InitCommand.class,
            DownCommand.class, LogsCommand.class, RestartCommand.class, StopCommand.class, StartCommand.class,
            KillCommand.class, ReloadCommand.class, ScaleCommand.class, WhoCommand.class, ClaimCommand.class,
            ReleaseCommand.class, GcCommand.class, RunCommand.class, WebCommand.class, OpenCommand.class, AgentCommand.class,
            HistoryCommand.class, PoolsCommand.class,
            CompletionCommand.class, HelpCommand.class);

    /** Commands whose work is about the other commands. */
    private static final List<Class<?>> NEED_ALL = List.of(CompletionCommand.class, HelpCommand.class);

    private Subcommands() {
    }

    /**
     * The commands the arguments need: the one named by the first word that is neither an option
     * of devstack itself nor the value of one, else all of them.
     */
    static List<Class<?>> neededBy(CommandLine devstack, String[] args) {
        return named(devstack, args).filter(command -> !NEED_ALL.contains(command)).map(List::<Class<?>>of)
                .orElse(ALL);
    }

    private static Optional<Class<?>> named(CommandLine devstack, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if ("--".equals(word)) {
                return Optional.empty();
            }
            if (!word.startsWith("-") || word.length() == 1) {
                return command(word);
            }
            OptionSpec option = devstack.getCommandSpec().optionsMap().get(word);
            if (option != null && option.arity().max() > 0) {
                i++;
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> command(String word) {
        return ALL.stream().filter(type -> {
            Command command = type.getAnnotation(Command.class);
            return command.name().equals(word) || List.of(command.aliases()).contains(word);
        }).findFirst();
    }
}
