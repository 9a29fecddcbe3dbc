package dev.devstack.supervisor.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A YAML document as a tree whose every node remembers where it was written. */
sealed interface YamlNode {

    Location location();

    /** "a mapping", "a list", "the text 'abc'": how a node is named in type errors. */
    String describe();

    record Entry(Location keyLocation, YamlNode value) {
    }

    record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** {@code text} is the value as written, {@code yes} for a boolean written so. */
    record Scalar(Location location, Kind kind, String text) implements YamlNode {

        /** YAML 1.1's spellings of true and false: {@code true}, {@code yes}, {@code on} and their opposites. */
        static Optional<Boolean> truth(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Optional.of(true);
                case "false", "no", "off" -> Optional.of(false);
                default -> Optional.empty();
            };
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "the text '" + text + "'";
                case INTEGER, DECIMAL -> "the number " + text;
                case BOOLEAN -> text;
                case NULL -> "nothing";
            };
        }
    }
}
