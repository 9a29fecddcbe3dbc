package dev.devstack.supervisor.config;

import java.util.List;
import java.util.Map;

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

    record Scalar(Location location, Kind kind, String text) implements YamlNode {
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
