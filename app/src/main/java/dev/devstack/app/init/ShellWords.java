package dev.devstack.app.init;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A command given as a list of words (Compose's exec form) as one line for `sh -c`, each word quoted where the shell would split or expand it. */
final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./$-]+");

    private ShellWords() {
    }

    static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
