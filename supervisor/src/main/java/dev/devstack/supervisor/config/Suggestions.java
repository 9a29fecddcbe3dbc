package dev.devstack.supervisor.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "did you mean …": the closest known word to a misspelt one, if any is close enough. */
public final class Suggestions {

    /**
     * Typos are made in names, not in paragraphs, and a stack has tens of services, not thousands:
     * past these sizes a file is hostile or generated, and comparing every unknown word with every
     * known one would take time in the product of their numbers and lengths.
     */
    static final int LONGEST_WORD = 64;
    static final int MOST_WORDS = 1_000;

    private Suggestions() {
    }

    static Optional<String> closest(String word, Collection<String> known) {
        if (word.length() > LONGEST_WORD || known.size() > MOST_WORDS) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return known.stream()
                .filter(candidate -> Math.abs(candidate.length() - word.length()) <= allowed)
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT))));
    }

    /** " (did you mean `x`?)" or nothing. */
    static String hint(String word, Collection<String> known) {
        return closest(word, known).map(s -> "; did you mean `" + s + "`?").orElse("");
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit (also for the command line's words). */
    public static int distance(String a, String b) {
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
