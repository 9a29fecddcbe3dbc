package dev.devstack.supervisor.config;

import java.util.List;
import java.util.Optional;

/**
 * Whether words appended to a command reach the program it starts. sh runs every command, and a
 * preset appends its arguments to the end of the text: after a comment they are ignored, after a
 * pipe they go to the pipe's last command, after a lone {@code &} they are a command of their own,
 * and to {@code sh -c SCRIPT} they are positional parameters. {@code cd web && npx vite} is fine:
 * they reach the last command, which is the server.
 */
final class ShellTail {

    private static final List<String> SHELLS = List.of("sh", "bash", "dash", "zsh");

    private ShellTail() {
    }

    /** What keeps appended words from the program ("a shell comment (`# docs`)"), if anything does. */
    static Optional<String> swallower(String command) {
        String text = command.strip();
        List<String> words = List.of(text.split("\\s+"));
        if (SHELLS.contains(words.get(0)) && words.contains("-c")) {
            return Optional.of("a `" + words.get(0) + " -c` script, whose appended words are its parameters");
        }
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            char after = i + 1 == text.length() ? ' ' : text.charAt(i + 1);
            if (c == '\\' && quote != '\'') {
                i++;
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (Character.isWhitespace(before) || ";&|()".indexOf(before) >= 0)) {
                return Optional.of("a shell comment (`" + text.substring(i) + "`)");
            } else if (c == '|' && before != '|' && after != '|') {
                return Optional.of("a pipe (`" + text.substring(i) + "`), whose last command would get them");
            } else if (c == '&' && before != '&' && after != '&' && before != '>' && after != '>') {
                return Optional.of("a lone `&`, after which they would be a command of their own");
            }
        }
        return Optional.empty();
    }
}
