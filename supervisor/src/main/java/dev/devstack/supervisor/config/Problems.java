package dev.devstack.supervisor.config;

import dev.devstack.supervisor.DevstackException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in a configuration, so that all of them are reported at once. */
final class Problems {

    private record Problem(Location location, String message) {
    }

    private final List<Problem> problems = new ArrayList<>();

    void add(Location location, String message) {
        problems.add(new Problem(location, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<String> lines() {
        return problems.stream()
                .sorted(Comparator.comparing((Problem p) -> p.location().file())
                        .thenComparingInt(p -> p.location().line())
                        .thenComparingInt(p -> p.location().column()))
                .map(p -> p.location() + ": " + p.message())
                .distinct()
                .toList();
    }

    void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            List<String> lines = lines();
            String count = lines.size() == 1 ? "1 problem" : lines.size() + " problems";
            throw DevstackException.invalidConfig(what + " has " + count + "; fix " + (lines.size() == 1 ? "it" : "them")
                    + " and run the command again (`devstack check` validates without starting anything)", lines);
        }
    }
}
