package dev.devstack.supervisor.config;

import java.time.Duration;
import java.util.List;

/**
 * What a service watches ({@code watch:}): files under its folder that match {@code globs} and no
 * ignore (the {@linkplain WatchFilter#DEFAULT_IGNORES defaults} and its own {@code ignores});
 * a change restarts it once {@code debounce} has passed without another, and with
 * {@code cascade} restarts what depends on it too.
 */
public record WatchSpec(List<String> globs, List<String> ignores, boolean cascade, Duration debounce,
                        Location location) {

    /** Long enough to take an editor's save (write, rename, chmod) or a formatter's burst as one change. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

    public WatchSpec {
        globs = List.copyOf(globs);
        ignores = List.copyOf(ignores);
    }
}
