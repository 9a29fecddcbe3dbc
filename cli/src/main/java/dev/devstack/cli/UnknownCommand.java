package dev.devstack.cli;

import java.util.Collection;
import java.util.List;

/**
 * What to tell someone who typed a command devstack does not have: the command that does what
 * the word means in other tools (docker, pm2, Foreman, systemctl), else a close spelling.
 */
final class UnknownCommand {

    private UnknownCommand() {
    }

    /** The error, then what to do instead, for `devstack WORD …` where WORD is none of {@code commands}. */
    static List<String> explain(String word, Collection<String> commands) {
        String unknown = "there is no command `" + word + "`";
        return switch (word) {
            case "ps", "ls", "list" -> List.of(unknown + "; did you mean `devstack status`?",
                    "it lists the project's services with their state, ports and pids");
            case "version" -> List.of(unknown + "; did you mean `devstack --version`?");
            default -> DidYouMean.closest(word, commands)
                    .map(command -> List.of(unknown + "; did you mean `devstack " + command + "`?"))
                    .orElse(List.of(unknown, "`devstack help` lists every command"));
        };
    }
}
