package dev.devstack.cli;

import dev.devstack.supervisor.config.Suggestions;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The known word a mistyped command or option most likely meant, if one is close: within a few
 * edits (picocli's own suggestions rank by likeness and offer `history` for `stop`), or the only
 * word that starts with what was typed. The same measure as the configuration's "did you mean".
 */
final class DidYouMean {

    private DidYouMean() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        int letters = typed.replaceFirst("^-+", "").length();
        if (letters < 2) {
            return Optional.empty();
        }
        // One edit of a two-letter word leaves half of it: any other two-letter word is as close.
        int allowed = letters == 2 ? 0 : Math.max(1, Math.min(3, letters / 3));
        Optional<String> near = known.stream()
                .filter(word -> Suggestions.distance(typed, word) <= allowed)
                .min(Comparator.comparingInt(word -> Suggestions.distance(typed, word)));
        if (near.isPresent()) {
            return near;
        }
        List<String> extending = known.stream().filter(word -> word.startsWith(typed)).toList();
        return extending.size() == 1 ? Optional.of(extending.get(0)) : Optional.empty();
    }
}
