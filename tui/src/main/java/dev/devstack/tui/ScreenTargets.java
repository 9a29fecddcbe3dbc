package dev.devstack.tui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a click on each row of the last frame means, recorded as the frame is drawn: a service's
 * row selects it, a port's row copies its URL. Touched only by the drawing thread.
 */
final class ScreenTargets {

    sealed interface Target {
    }

    record Service(String name) implements Target {
    }

    record Url(String url) implements Target {
    }

    private final Map<Integer, Target> rows = new HashMap<>();

    void clear() {
        rows.clear();
    }

    void service(int row, String name) {
        rows.put(row, new Service(name));
    }

    void url(int row, String url) {
        rows.put(row, new Url(url));
    }

    Optional<Target> at(int row) {
        return Optional.ofNullable(rows.get(row));
    }
}
