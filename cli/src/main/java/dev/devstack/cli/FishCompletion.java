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

    private FishCompletion() {
    }

    static String script(CommandSpec root) {
        String name = root.name();
        List<CommandSpec> commands = new ArrayList<>();
        collect(root, commands);
        StringBuilder fish = new StringBuilder();
        fish.append("# fish completion for ").append(name).append(": `").append(name)
                .append(" completion fish > ~/.config/fish/completions/").append(name).append(".fish`\n\n");
        fish.append("# The commands typed so far, e.g. `").append(name).append(" up`: words that are commands,\n")
                .append("# skipping options and the values of options that take one.\n")
                .append("function __").append(name).append("_path\n")
                .append("    set -l path ").append(name).append('\n')
                .append("    set -l tokens (commandline -opc)\n")
                .append("    set -e tokens[1]\n")
                .append("    set -l skip 0\n")
                .append("    for token in $tokens\n")
                .append("        if test $skip = 1\n")
                .append("            set skip 0\n")
                .append("            continue\n")
                .append("        end\n")
                .append("        switch \"$path\"\n");
        for (CommandSpec command : commands) {
            fish.append("            case ").append(quote(command.qualifiedName())).append('\n')
                    .append("                switch $token\n");
            List<String> takingValues = command.options().stream().filter(o -> o.arity().max() > 0)
                    .flatMap(o -> List.of(o.names()).stream()).toList();
            if (!takingValues.isEmpty()) {
                fish.append("                    case ").append(String.join(" ", takingValues)).append('\n')
                        .append("                        set skip 1\n");
            }
            for (CommandSpec sub : subcommands(command)) {
                fish.append("                    case ").append(sub.name());
                List.of(sub.aliases()).forEach(alias -> fish.append(' ').append(alias));
                fish.append('\n').append("                        set path $path ").append(sub.name()).append('\n');
            }
            fish.append("                end\n");
        }
        fish.append("        end\n")
                .append("    end\n")
                .append("    echo $path\n")
                .append("end\n\n")
                .append("function __").append(name).append("_at\n")
                .append("    test (__").append(name).append("_path) = \"$argv\"\n")
                .append("end\n\n")
                .append("complete -c ").append(name).append(" -f\n");
        for (CommandSpec command : commands) {
            fish.append('\n');
            completions(command, fish);
        }
        return fish.toString();
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
            return option.paramLabel().equals("DIR") ? " -x -a '(__fish_complete_directories (commandline -ct))'" : " -r -F";
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
