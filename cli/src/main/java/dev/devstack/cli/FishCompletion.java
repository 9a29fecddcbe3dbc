package dev.devstack.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script made from picocli's model of the commands: picocli writes bash
 * scripts only. A generated function, `__NAME_path`, reads the command line so far and prints the
 * commands typed (`devstack up`), skipping options and their values; every completion is offered
 * only at its own command. A DIR option completes folders, other path options files; nothing
 * else completes file names.
 */
final class FishCompletion {

    /** %1$s: the command's name; %2$s: one case per command, for the words that move on from it. */
    private static final String HEAD = """
            # fish completion for %1$s: `%1$s completion fish > ~/.config/fish/completions/%1$s.fish`

            # The commands typed so far, e.g. `%1$s up`: the words that are commands, skipping
            # options and the values of options that take one.
            function __%1$s_path
                set -l path %1$s
                set -l tokens (commandline -opc)
                set -e tokens[1]
                set -l skip 0
                for token in $tokens
                    if test $skip = 1
                        set skip 0
                        continue
                    end
                    switch "$path"
            %2$s        end
                end
                echo $path
            end

            function __%1$s_at
                test (__%1$s_path) = "$argv"
            end

            complete -c %1$s -f
            """;

    private FishCompletion() {
    }

    static String script(CommandSpec root) {
        List<CommandSpec> commands = new ArrayList<>();
        collect(root, commands);
        StringBuilder cases = new StringBuilder();
        commands.forEach(command -> pathCase(command, cases));
        StringBuilder fish = new StringBuilder(HEAD.formatted(root.name(), cases));
        for (CommandSpec command : commands) {
            fish.append('\n');
            completions(command, fish);
        }
        return fish.toString();
    }

    /** At this command: an option that takes a value skips the next word; a subcommand's name moves on. */
    private static void pathCase(CommandSpec command, StringBuilder cases) {
        cases.append("            case ").append(quote(command.qualifiedName())).append('\n')
                .append("                switch $token\n");
        List<String> takingValues = command.options().stream().filter(option -> option.arity().max() > 0)
                .flatMap(option -> List.of(option.names()).stream()).toList();
        if (!takingValues.isEmpty()) {
            cases.append("                    case ").append(String.join(" ", takingValues)).append('\n')
                    .append("                        set skip 1\n");
        }
        for (CommandSpec sub : subcommands(command)) {
            cases.append("                    case ").append(sub.name());
            List.of(sub.aliases()).forEach(alias -> cases.append(' ').append(alias));
            cases.append('\n').append("                        set path $path ").append(sub.name()).append('\n');
        }
        cases.append("                end\n");
    }

    private static void collect(CommandSpec command, List<CommandSpec> into) {
        into.add(command);
        subcommands(command).forEach(sub -> collect(sub, into));
    }

    /** Each visible subcommand once (an alias is a second key to the same command). */
    private static List<CommandSpec> subcommands(CommandSpec command) {
        return command.subcommands().values().stream().map(CommandLine::getCommandSpec)
                .filter(spec -> !spec.usageMessage().hidden()).distinct().toList();
    }

    private static void completions(CommandSpec command, StringBuilder fish) {
        String at = "complete -c " + command.root().name() + " -n " + quote("__" + command.root().name() + "_at "
                + command.qualifiedName());
        CommandSpec offered = command.helpCommand() && command.parent() != null ? command.parent() : command;
        for (CommandSpec sub : subcommands(offered)) {
            if (sub != command) {
                fish.append(at).append(" -a ").append(quote(sub.name())).append(" -d ").append(quote(summary(sub)))
                        .append('\n');
            }
        }
        for (PositionalParamSpec positional : command.positionalParameters()) {
            List<String> values = candidates(positional.completionCandidates());
            if (!values.isEmpty() && !positional.hidden()) {
                fish.append(at).append(" -a ").append(quote(String.join(" ", values))).append('\n');
            }
        }
        for (OptionSpec option : command.options()) {
            if (!option.hidden()) {
                fish.append(at).append(names(option)).append(argument(option)).append(" -d ")
                        .append(quote(String.join(" ", option.renderedDescription()))).append('\n');
            }
        }
    }

    private static String names(OptionSpec option) {
        StringBuilder flags = new StringBuilder();
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                flags.append(" -l ").append(name.substring(2));
            } else if (name.length() == 2) {
                flags.append(" -s ").append(name.substring(1));
            } else {
                flags.append(" -o ").append(name.substring(1));
            }
        }
        return flags.toString();
    }

    private static String argument(OptionSpec option) {
        if (option.arity().max() == 0) {
            return "";
        }
        if (Path.class.isAssignableFrom(option.type())) {
            return option.paramLabel().equals("DIR") ? " -x -a '(__fish_complete_directories (commandline -ct))'"
                    : " -r -F";
        }
        List<String> values = candidates(option.completionCandidates());
        return values.isEmpty() ? " -x" : " -x -a " + quote(String.join(" ", values));
    }

    private static List<String> candidates(Iterable<String> candidates) {
        return candidates == null ? List.of() : StreamSupport.stream(candidates.spliterator(), false).toList();
    }

    /** The command's one-line header, or the first line of its description. */
    private static String summary(CommandSpec command) {
        String[] header = command.usageMessage().header();
        String[] description = command.usageMessage().description();
        return header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
    }

    /** A fish single-quoted string: only \ and ' are special in it. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
