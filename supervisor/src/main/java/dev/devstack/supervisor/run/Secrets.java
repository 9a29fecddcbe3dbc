package dev.devstack.supervisor.run;

import dev.devstack.supervisor.model.CheckStatus;
import dev.devstack.supervisor.model.EnvironmentEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values of a unit's environment, masked wherever else they show: a command or a value
 * filled from {@code ${env.API_TOKEN}} holds the token itself, not its name. So every value of a
 * variable whose name marks it as a secret ({@link EnvironmentEntry#of}) is replaced by
 * {@link EnvironmentEntry#MASK} in any text shown of the unit, and so is the password of any
 * {@code scheme://user:password@} address, wherever it came from.
 */
final class Secrets {

    /** Shorter secret values are not searched for: "1" or "on" would mask half of every command line. */
    static final int SHORTEST = 4;

    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*:)([^@/\\s]+)@");

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** The secrets of {@code environment}, longest first so that one inside another is masked whole. */
    static Secrets of(Map<String, String> environment) {
        return new Secrets(environment.entrySet().stream()
                .filter(variable -> EnvironmentEntry.of(variable.getKey(), variable.getValue()).masked())
                .map(Map.Entry::getValue).filter(value -> value.length() >= SHORTEST).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** {@code text} with every secret value and every address's password masked. */
    String mask(String text) {
        String masked = text;
        for (String secret : values) {
            masked = masked.replace(secret, EnvironmentEntry.MASK);
        }
        return URL_PASSWORD.matcher(masked).replaceAll(found -> Matcher.quoteReplacement(found.group(1)
                + EnvironmentEntry.MASK + "@"));
    }

    /** What a check's attempt found, its secrets masked: a matched log line may hold one. */
    CheckStatus.Attempt mask(CheckStatus.Attempt attempt) {
        return new CheckStatus.Attempt(attempt.at(), attempt.passed(), mask(attempt.result()));
    }

    /** The variable as it may be shown: masked whole when its name marks a secret, else with the secrets in it masked. */
    EnvironmentEntry entry(String name, String value) {
        EnvironmentEntry entry = EnvironmentEntry.of(name, value);
        return entry.masked() ? entry : new EnvironmentEntry(name, mask(value), false);
    }
}
