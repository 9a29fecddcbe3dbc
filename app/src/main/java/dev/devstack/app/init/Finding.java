package dev.devstack.app.init;

/**
 * What init saw in one source and what it made of it, for the user: a service it proposes, a
 * thing it left out and why, or a file it could not read (a problem, named with file:line).
 */
public record Finding(String source, String text, boolean problem) {

    public static Finding found(String source, String text) {
        return new Finding(source, text, false);
    }

    public static Finding problem(String source, String text) {
        return new Finding(source, text, true);
    }
}
