package dev.devstack.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The known word a mistyped command or option most likely meant, if one is close: within a few
 * edits (picocli's own suggestions rank by likeness and offer `history` for `stop`), or the only
 * word that starts with what was typed. The same measure as the configuration's "did you mean";
 * that one is private to the supervisor's config package.
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
                .filter(word -> distance(typed, word) <= allowed)
                .min(Comparator.comparingInt(word -> distance(typed, word)));
        if (near.isPresent()) {
            return near;
        }
        List<String> extending = known.stream().filter(word -> word.startsWith(typed)).toList();
        return extending.size() == 1 ? Optional.of(extending.get(0)) : Optional.empty();
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
