package dev.devstack.supervisor.model;

import java.util.List;
import java.util.Locale;

/**
 * One variable of a service's environment as it may leave the stack: a value whose name says it is
 * a secret is replaced by {@link #MASK} before it is shown or sent anywhere ({@code masked}).
 */
public record EnvironmentEntry(String name, String value, boolean masked) {

    public static final String MASK = "••••••";

    /** Parts of a name that mark its value as a secret, in any case: API_KEY, GITHUB_TOKEN, db_password. */
    private static final List<String> SECRET_WORDS = List.of("KEY", "TOKEN", "SECRET", "PASSWORD");

    /** The variable as it may be shown: masked when its name marks it as a secret. */
    public static EnvironmentEntry of(String name, String value) {
        String upper = name.toUpperCase(Locale.ROOT);
        boolean secret = SECRET_WORDS.stream().anyMatch(upper::contains);
        return new EnvironmentEntry(name, secret ? MASK : value, secret);
    }
}
