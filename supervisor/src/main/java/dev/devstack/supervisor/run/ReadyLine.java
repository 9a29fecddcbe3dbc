package dev.devstack.supervisor.run;

import java.util.regex.Pattern;

/**
 * A `log` readiness check's pattern, matched against a line as a person reads it: frameworks
 * colour their output even when it goes to a pipe (Flask's warning, Rails' SQL, Vite's banner), so
 * terminal escape sequences are removed first and `ready in` matches {@code ready \e[1min}.
 */
record ReadyLine(Pattern pattern) {

    private static final Pattern ESCAPES =
            Pattern.compile("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007\u001b]*(\u0007|\u001b\\\\)?|[@-Z\\\\-_])");

    boolean matches(String line) {
        String plain = line.indexOf('\u001b') < 0 ? line : ESCAPES.matcher(line).replaceAll("");
        return pattern.matcher(plain).find();
    }
}
