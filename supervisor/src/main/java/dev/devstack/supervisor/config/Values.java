package dev.devstack.supervisor.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed reads of YAML nodes; a value of the wrong type becomes a problem naming key, place and what was found. */
final class Values {

    static final int LOWEST_UNPRIVILEGED = 1024;

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Optional<String> text(String key, YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() != YamlNode.Kind.NULL) {
            return Optional.of(scalar.text());
        }
        wrongType(key, node, "text");
        return Optional.empty();
    }

    Optional<String> nonBlankText(String key, YamlNode node) {
        Optional<String> text = text(key, node);
        if (text.isPresent() && text.get().isBlank()) {
            problems.add(node.location(), "`" + key + "` is empty");
            return Optional.empty();
        }
        return text;
    }

    Optional<Boolean> bool(String key, YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.BOOLEAN) {
            return YamlNode.Scalar.truth(scalar.text());
        }
        wrongType(key, node, "true or false");
        return Optional.empty();
    }

    Optional<Duration> duration(String key, YamlNode node) {
        return duration(key, node, false);
    }

    /** A duration of at most an hour; zero only when {@code zeroAllowed}. */
    Optional<Duration> duration(String key, YamlNode node, boolean zeroAllowed) {
        if (node instanceof YamlNode.Scalar scalar
                && (scalar.kind() == YamlNode.Kind.STRING || scalar.kind() == YamlNode.Kind.INTEGER
                || scalar.kind() == YamlNode.Kind.DECIMAL)) {
            Optional<Duration> duration = Durations.parse(scalar.text());
            if (duration.isPresent() && (zeroAllowed || !duration.get().isZero())
                    && duration.get().compareTo(Duration.ofHours(1)) <= 0) {
                return duration;
            }
            problems.add(node.location(), "`" + key + "` must be a duration between " + (zeroAllowed ? "0" : "1ms")
                    + " and 1h such as `5s` or `500ms`, got `" + scalar.text() + "`");
            return Optional.empty();
        }
        wrongType(key, node, "a duration such as `5s`");
        return Optional.empty();
    }

    /** A whole number of at least {@code minimum}. */
    Optional<Integer> count(String key, YamlNode node, int minimum) {
        return count(key, node, minimum, Integer.MAX_VALUE);
    }

    /** A whole number from {@code minimum} to {@code maximum}. */
    Optional<Integer> count(String key, YamlNode node, int minimum, int maximum) {
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.INTEGER) {
            try {
                int value = Integer.parseInt(scalar.text());
                if (value >= minimum && value <= maximum) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
            problems.add(node.location(), "`" + key + "` must be a whole number of " + (maximum == Integer.MAX_VALUE
                    ? "at least " + minimum : minimum + " to " + maximum) + ", got " + scalar.text());
            return Optional.empty();
        }
        wrongType(key, node, "a whole number");
        return Optional.empty();
    }

    /** A port number, or a list of them in order of preference. */
    Optional<List<Integer>> portNumbers(String key, YamlNode node) {
        if (node instanceof YamlNode.Sequence sequence) {
            if (sequence.items().isEmpty()) {
                problems.add(node.location(), "`" + key + "` is an empty list; give at least one port");
                return Optional.empty();
            }
            Set<Integer> ports = new LinkedHashSet<>();
            boolean valid = true;
            for (YamlNode item : sequence.items()) {
                Optional<Integer> port = portNumber(key, item);
                valid &= port.isPresent();
                port.ifPresent(ports::add);
            }
            return valid ? Optional.of(List.copyOf(ports)) : Optional.empty();
        }
        return portNumber(key, node).map(List::of);
    }

    Optional<Integer> portNumber(String key, YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar
                && (scalar.kind() == YamlNode.Kind.INTEGER || scalar.text().matches("\\d{1,9}"))) {
            int port;
            try {
                port = Integer.parseInt(scalar.text());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                problems.add(node.location(), "`" + key + "`: " + scalar.text() + " is not a port; ports are 1-65535");
                return Optional.empty();
            }
            if (port < LOWEST_UNPRIVILEGED) {
                problems.add(node.location(), "`" + key + "`: port " + port + " is privileged (below 1024) and only root"
                        + " may bind it; use a port of 1024 or more");
                return Optional.empty();
            }
            return Optional.of(port);
        }
        wrongType(key, node, "a port number");
        return Optional.empty();
    }

    void wrongType(String key, YamlNode node, String expected) {
        problems.add(node.location(), "`" + key + "` must be " + expected + ", got " + node.describe());
    }

    void unknownKey(String key, Location location, String where, List<String> known) {
        problems.add(location, "unknown key `" + key + "` " + where + Suggestions.hint(key, known)
                + (Suggestions.closest(key, known).isPresent() ? "" : " (known keys: " + String.join(", ", known) + ")"));
    }
}
